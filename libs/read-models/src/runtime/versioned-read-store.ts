import type {
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadDocument,
  ReadStore,
  WriteOp,
} from '@practice/read-store';

/** Where readers find a read model: `{ _id: <read model name>, collection: <physical collection> }`. */
export const READ_MODEL_VERSIONS = 'read_model_versions';

export interface ReadModelVersion extends ReadDocument {
  readonly collection: string;
  readonly version: string;
  readonly switchedAt: string;
}

export const physicalName = (name: string, version: string): string => `${name}__${version}`;

/**
 * A collection whose physical name is resolved at every operation, so the same object follows a
 * blue/green switch. Reads and writes of one call go to one physical collection.
 */
class MappedCollection<TDoc extends ReadDocument> implements ReadCollection<TDoc> {
  constructor(private readonly target: () => Promise<ReadCollection<TDoc>>) {}

  async get(id: string) {
    return (await this.target()).get(id);
  }
  async getMany(ids: readonly string[]) {
    return (await this.target()).getMany(ids);
  }
  async find(filter: Filter, options?: FindOptions) {
    return (await this.target()).find(filter, options);
  }
  async count(filter: Filter) {
    return (await this.target()).count(filter);
  }
  async bulkWrite(ops: readonly WriteOp[]) {
    return (await this.target()).bulkWrite(ops);
  }
  async ensureIndexes(indexes: readonly IndexSpec[]) {
    return (await this.target()).ensureIndexes(indexes);
  }
  async drop() {
    return (await this.target()).drop();
  }
}

/**
 * Read models under versioned physical collections. `names` are the read models that are versioned
 * (every projection); any other collection (parked events, the pointers themselves) keeps its name.
 */
export class VersionedReadStore implements ReadStore {
  private readonly cache = new Map<string, { physical: string; until: number }>();

  constructor(
    private readonly inner: ReadStore,
    private readonly names: ReadonlySet<string>,
    /** Fixed: always this version (a rebuild). Undefined: follow the pointers (readers, the projector). */
    private readonly fixedVersion?: string,
    private readonly refreshMs = 1000,
  ) {}

  collection<TDoc extends ReadDocument = ReadDocument>(name: string): ReadCollection<TDoc> {
    if (!this.names.has(name)) return this.inner.collection<TDoc>(name);
    return new MappedCollection<TDoc>(async () => this.inner.collection<TDoc>(await this.resolve(name)));
  }

  async getCheckpoint(projection: string): Promise<number | undefined> {
    return this.inner.getCheckpoint(await this.resolve(projection));
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    return this.inner.setCheckpoint(await this.resolve(projection), position);
  }

  listCollections(): Promise<string[]> {
    return this.inner.listCollections();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The physical collection readers are pointed at now (the read model's own name before any rebuild). */
  async resolve(name: string): Promise<string> {
    if (!this.names.has(name)) return name;
    if (this.fixedVersion !== undefined) return physicalName(name, this.fixedVersion);
    const cached = this.cache.get(name);
    if (cached && cached.until > Date.now()) return cached.physical;
    const pointer = await this.inner.collection<ReadModelVersion>(READ_MODEL_VERSIONS).get(name);
    const physical = pointer?.collection ?? name;
    this.cache.set(name, { physical, until: Date.now() + this.refreshMs });
    return physical;
  }

  /** The current physical collection of every versioned read model, fresh from the store. */
  async currentVersions(): Promise<Map<string, string>> {
    this.cache.clear();
    const entries = await Promise.all([...this.names].map(async (name) => [name, await this.resolve(name)] as const));
    return new Map(entries);
  }

  /** Points readers at `version` for every read model. */
  async switchTo(version: string, now: Date): Promise<void> {
    await this.inner.collection(READ_MODEL_VERSIONS).bulkWrite(
      [...this.names].map((name) => ({
        kind: 'put' as const,
        doc: { _id: name, collection: physicalName(name, version), version, switchedAt: now.toISOString() },
      })),
    );
    this.cache.clear();
  }
}
