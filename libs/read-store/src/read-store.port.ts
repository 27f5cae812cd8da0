/**
 * The read store port: named collections of JSON documents addressed by string id, queried with
 * MongoDB's filter / sort / skip / limit / projection language. Adapters: in-memory on mingo (the
 * embedded default) and MongoDB (production). Every adapter runs the contract suite in test/contract.
 */

/** A stored document. `_id` is the document's id; `_position` the log position of the last event applied. */
export interface ReadDocument {
  /** The document's id (unique in its collection). */
  readonly _id: string;
  /** The log position of the last event applied to the document (replays at or below it change nothing). */
  readonly _position?: number;
  readonly [field: string]: unknown;
}

export type Filter = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;
export type Projection = Record<string, 0 | 1>;

export interface FindOptions {
  readonly sort?: Sort;
  readonly skip?: number;
  readonly limit?: number;
  readonly projection?: Projection;
  /**
   * Where MongoDB may answer from: reporting reads pass `secondaryPreferred` so jobs read replica-set
   * secondaries and leave the primary to the projector (the in-memory store has one copy and ignores it).
   */
  readonly readPreference?: 'primary' | 'secondaryPreferred';
}

/**
 * One write of a bulk. `position` is the log position of the last event folded into it: a write whose
 * position is not newer than the stored document's `_position` changes nothing, so replaying a batch
 * after a crash is harmless. Writes without a position are applied unconditionally.
 */
export type WriteOp =
  | {
      readonly kind: 'put';
      readonly doc: ReadDocument;
      readonly position?: number;
      /**
       * The caller hands `doc` over: it will neither read nor change it, nor anything inside it, after
       * the call (the projector's folded documents). A store that keeps objects (in-memory) may keep it
       * without copying it; a store that serialises ignores this.
       */
      readonly handOver?: boolean;
    }
  | { readonly kind: 'delete'; readonly id: string; readonly position?: number };

export interface IndexSpec {
  readonly name: string;
  readonly keys: Record<string, 1 | -1>;
  readonly unique?: boolean;
}

export interface ReadCollection<TDoc extends ReadDocument = ReadDocument> {
  get(id: string): Promise<TDoc | null>;
  getMany(ids: readonly string[]): Promise<Map<string, TDoc>>;
  find(filter: Filter, options?: FindOptions): Promise<TDoc[]>;
  count(filter: Filter): Promise<number>;
  /** Applies every op; at most one op per id in one call. */
  bulkWrite(ops: readonly WriteOp[]): Promise<void>;
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  /** Removes every document and index of the collection. */
  drop(): Promise<void>;
}

export interface ReadStore {
  collection<TDoc extends ReadDocument = ReadDocument>(name: string): ReadCollection<TDoc>;
  /** The position of the last event a projection has fully applied, or undefined when it never ran. */
  getCheckpoint(projection: string): Promise<number | undefined>;
  setCheckpoint(projection: string, position: number): Promise<void>;
  listCollections(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * What a store that keeps its documents in this process offers besides the port (the in-memory one):
 * the projector's reads and writes without a promise, so the embedded projector folds a live batch into
 * every read model in one synchronous pass (issue 14). Each does exactly what its async twin does (the
 * twin calls it; the contract suite runs through the twins). A store that talks to a server has none.
 */
export interface ImmediateCollection<TDoc extends ReadDocument = ReadDocument> extends ReadCollection<TDoc> {
  getManyNow(ids: readonly string[]): Map<string, TDoc>;
  bulkWriteNow(ops: readonly WriteOp[]): void;
}

export interface ImmediateReadStore extends ReadStore {
  /** Says that every collection of this store is an ImmediateCollection. */
  readonly immediate: true;
  collection<TDoc extends ReadDocument = ReadDocument>(name: string): ImmediateCollection<TDoc>;
  /**
   * A bulk load, while a projector catches up from far behind: writes may leave the upkeep of the
   * indexes (and the like) until `endBulkLoad`, but every read meanwhile answers as without it.
   */
  beginBulkLoad?(): void;
  endBulkLoad?(): void;
}

/** Whether `store` offers the synchronous calls of ImmediateCollection. */
export const isImmediateReadStore = (store: ReadStore): store is ImmediateReadStore => (store as Partial<ImmediateReadStore>).immediate === true;

/** A unique index refused a write. */
export class DuplicateKeyError extends Error {
  readonly code = 'DuplicateKey';
  constructor(readonly collection: string, readonly index: string, readonly key: unknown) {
    super(`duplicate key in ${collection} for index ${index}`);
    this.name = 'DuplicateKeyError';
  }
}

export class ReadStoreUnavailableError extends Error {
  readonly code = 'ReadStoreUnavailable';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'ReadStoreUnavailableError';
  }
}
