import {
  MongoBulkWriteError,
  MongoServerError,
  type Collection,
  type Document,
  type FindOptions as DriverFindOptions,
} from 'mongodb';
import { IndexConflictError } from '../memory/collection-state';
import {
  DuplicateKeyError,
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadDocument,
  WriteOp,
} from '../read-store.port';
import { validateBulk } from '../memory/in-memory-collection';
import { isAlreadyApplied, toWriteModel } from './bulk-write-models';
import { liveOnly, LIVE, readProjection, StoredDocument, UNIQUE_INDEX_PARTIAL_FILTER } from './live-documents';
import {
  DUPLICATE_KEY,
  INDEX_CONFLICT_CODES,
  isIdIndex,
  parseDuplicateKeyMessage,
  toReadStoreError,
  writeErrorsOf,
} from './mongodb-errors';

/**
 * One read-model collection in MongoDB. Documents are stored under `_id` = the document id, next to
 * the tombstones of deleted ones (see live-documents.ts); writes go out as one unordered bulk per
 * call (see bulk-write-models.ts). Driver errors are translated at this boundary: connection trouble
 * to ReadStoreUnavailableError, a unique index refusal to DuplicateKeyError.
 */
export class MongoReadCollection<TDoc extends ReadDocument = ReadDocument> implements ReadCollection<TDoc> {
  /** Specs this handle created, so a DuplicateKeyError can report the key as fields rather than text. */
  private readonly knownIndexes = new Map<string, IndexSpec>();

  constructor(
    private readonly collection: Collection<StoredDocument>,
    readonly name: string,
    private readonly assertOpen: () => void,
  ) {}

  get(id: string): Promise<TDoc | null> {
    return this.run(async () => {
      const doc = await this.collection.findOne({ _id: id, ...LIVE }, { projection: readProjection(undefined) });
      return (doc as unknown as TDoc | null) ?? null;
    });
  }

  getMany(ids: readonly string[]): Promise<Map<string, TDoc>> {
    return this.run(async () => {
      const found = new Map<string, TDoc>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return found;
      const docs = await this.collection.find({ _id: { $in: unique }, ...LIVE }, { projection: readProjection(undefined) }).toArray();
      for (const doc of docs) found.set(doc._id, doc as unknown as TDoc);
      return found;
    });
  }

  find(filter: Filter, options: FindOptions = {}): Promise<TDoc[]> {
    return this.run(async () => {
      const docs = await this.collection.find(liveOnly(filter), driverFindOptions(options)).toArray();
      return docs as unknown as TDoc[];
    });
  }

  /**
   * The index MongoDB's planner picks for this read (queryPlanner verbosity), or null for a collection
   * scan, and whether it sorts in memory (a SORT stage). For specs and diagnostics, not the read path.
   */
  explain(filter: Filter, options: FindOptions = {}): Promise<{ index: string | null; sorted: boolean }> {
    return this.run(async () => {
      const explained = await this.collection.find(liveOnly(filter), driverFindOptions(options)).explain('queryPlanner');
      const stages = stagesOf((explained as Document).queryPlanner?.winningPlan);
      const scan = stages.find((stage) => stage.stage === 'IXSCAN');
      return { index: typeof scan?.indexName === 'string' ? scan.indexName : null, sorted: !stages.some((stage) => stage.stage === 'SORT') };
    });
  }

  count(filter: Filter): Promise<number> {
    return this.run(() => this.collection.countDocuments(liveOnly(filter)));
  }

  async bulkWrite(ops: readonly WriteOp[]): Promise<void> {
    validateBulk(ops);
    if (ops.length === 0) return;
    this.assertOpen();
    try {
      await this.collection.bulkWrite(ops.map(toWriteModel), { ordered: false });
    } catch (error) {
      this.settleBulkFailure(error, ops);
    }
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    if (indexes.length === 0) return;
    this.assertOpen();
    try {
      await this.collection.createIndexes(indexes.map(indexDescription));
    } catch (error) {
      throw this.indexBuildFailure(error, indexes);
    }
    for (const spec of indexes) this.knownIndexes.set(spec.name, spec);
  }

  drop(): Promise<void> {
    return this.run(async () => {
      // The driver treats "namespace not found" as success: dropping a missing collection is fine.
      await this.collection.drop();
      this.knownIndexes.clear();
    });
  }

  /**
   * An unordered bulk has applied every write it could. Refusals on `_id` of positioned writes mean
   * "already applied" and are dropped; a refusal by another unique index becomes DuplicateKeyError
   * (after the other writes applied, as the port promises); anything else is rethrown.
   */
  private settleBulkFailure(error: unknown, ops: readonly WriteOp[]): void {
    if (!(error instanceof MongoBulkWriteError) || error.result?.getWriteConcernError()) throw toReadStoreError(error);
    const writeErrors = writeErrorsOf(error);
    if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) {
      throw toReadStoreError(error);
    }
    for (const writeError of writeErrors) {
      const { index } = parseDuplicateKeyMessage(writeError.errmsg);
      const op = ops[writeError.index];
      if (isAlreadyApplied(op, isIdIndex(index))) continue;
      throw this.duplicateKey(writeError.errmsg, op);
    }
  }

  private duplicateKey(errmsg: string, op: WriteOp | undefined): DuplicateKeyError {
    const parsed = parseDuplicateKeyMessage(errmsg);
    const index = parsed.index ?? 'unknown';
    const spec = this.knownIndexes.get(index);
    const key = spec && op?.kind === 'put' ? keyOf(op.doc, spec) : parsed.key;
    return new DuplicateKeyError(this.name, index, key);
  }

  private indexBuildFailure(error: unknown, indexes: readonly IndexSpec[]): unknown {
    if (!(error instanceof MongoServerError)) return toReadStoreError(error);
    if (error.code === DUPLICATE_KEY) {
      const parsed = parseDuplicateKeyMessage(error.errmsg ?? error.message);
      const index = parsed.index ?? indexes.find((spec) => spec.unique)?.name ?? 'unknown';
      return new DuplicateKeyError(this.name, index, (error.keyValue as unknown) ?? parsed.key);
    }
    if (typeof error.code === 'number' && INDEX_CONFLICT_CODES.has(error.code)) {
      return new IndexConflictError(this.name, indexes.map((spec) => spec.name).join(', '), error.message);
    }
    return toReadStoreError(error);
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await operation();
    } catch (error) {
      throw toReadStoreError(error);
    }
  }
}

function driverFindOptions(options: FindOptions): DriverFindOptions {
  return {
    projection: readProjection(options.projection),
    ...(options.sort && Object.keys(options.sort).length > 0 ? { sort: { ...options.sort } } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
    // MongoDB reads a limit of 0 as "no limit", as the port does.
    ...(options.limit ? { limit: options.limit } : {}),
    ...(options.readPreference ? { readPreference: options.readPreference } : {}),
  };
}

function indexDescription(spec: IndexSpec): { key: Record<string, 1 | -1>; name: string; unique?: boolean; partialFilterExpression?: Document } {
  return {
    key: { ...spec.keys },
    name: spec.name,
    ...(spec.unique ? { unique: true, partialFilterExpression: { ...UNIQUE_INDEX_PARTIAL_FILTER } } : {}),
  };
}

/** The key a document holds in a unique index, as the in-memory adapter reports it (missing -> null). */
function keyOf(doc: ReadDocument, spec: IndexSpec): Record<string, unknown> {
  return Object.fromEntries(Object.keys(spec.keys).map((field) => [field, valueAt(doc, field) ?? null]));
}

function valueAt(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Every stage of an explained plan, from the root down (`inputStage`, `inputStages`, `queryPlan`). */
function stagesOf(plan: unknown): Document[] {
  if (typeof plan !== 'object' || plan === null) return [];
  const stage = plan as Document;
  const children = [stage.inputStage, ...(Array.isArray(stage.inputStages) ? stage.inputStages : []), stage.queryPlan];
  return [stage, ...children.flatMap(stagesOf)];
}
