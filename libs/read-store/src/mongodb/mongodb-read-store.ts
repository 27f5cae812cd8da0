import { MongoClient, type Collection, type Db, type MongoClientOptions } from 'mongodb';
import { ReadDocument, ReadStore, ReadStoreUnavailableError } from '../read-store.port';
import type { StoredDocument } from './live-documents';
import { MongoReadCollection } from './mongodb-read-collection';
import { toReadStoreError } from './mongodb-errors';

export interface MongoReadStoreOptions {
  /** A MongoDB connection string, e.g. `mongodb://host:27017/?replicaSet=rs0`. */
  readonly url: string;
  /** The database of the read models; default: the one named in the URL, else `read_models`. */
  readonly dbName?: string;
  /** Further driver options (timeouts, TLS, pool size). The write concern is always majority. */
  readonly clientOptions?: MongoClientOptions;
}

/** Checkpoints live in their own collection, `{_id: projection, position}`; the name is reserved. */
export const CHECKPOINTS_COLLECTION = 'checkpoints';
const DEFAULT_DB_NAME = 'read_models';

interface CheckpointDocument {
  _id: string;
  position: number;
}

/**
 * The production ReadStore on the official MongoDB driver. Every write is acknowledged by a majority
 * of the replica set, so a checkpoint never runs ahead of read models that a failover could lose.
 */
export class MongoReadStore implements ReadStore {
  private readonly handles = new Map<string, MongoReadCollection>();
  private readonly checkpoints: Collection<CheckpointDocument>;
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  }

  /** Connects (selecting a server once), or fails with ReadStoreUnavailableError when none answers. */
  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const client = new MongoClient(options.url, { ...options.clientOptions, writeConcern: { w: 'majority' } });
    try {
      await client.connect();
    } catch (error) {
      await client.close().catch(() => undefined);
      throw toReadStoreError(error);
    }
    const dbName = options.dbName ?? databaseInUrl(options.url) ?? DEFAULT_DB_NAME;
    return new MongoReadStore(client, client.db(dbName));
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  collection<TDoc extends ReadDocument = ReadDocument>(name: string): MongoReadCollection<TDoc> {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('a collection needs a non-empty name');
    if (name === CHECKPOINTS_COLLECTION) throw new TypeError(`"${CHECKPOINTS_COLLECTION}" is reserved for projection checkpoints`);
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new MongoReadCollection(this.db.collection<StoredDocument>(name), name, () => this.assertOpen());
      this.handles.set(name, handle);
    }
    return handle as unknown as MongoReadCollection<TDoc>;
  }

  async getCheckpoint(projection: string): Promise<number | undefined> {
    const doc = await this.run(() => this.checkpoints.findOne({ _id: projection }));
    return typeof doc?.position === 'number' ? doc.position : undefined;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    if (!Number.isFinite(position)) throw new TypeError(`checkpoint of ${projection} must be a finite number`);
    await this.run(() => this.checkpoints.updateOne({ _id: projection }, { $set: { position } }, { upsert: true }));
  }

  /** The read-model collections, sorted; the checkpoints and MongoDB's own system collections are not listed. */
  async listCollections(): Promise<string[]> {
    const collections = await this.run(() => this.db.listCollections({}, { nameOnly: true }).toArray());
    return collections
      .map((collection) => collection.name)
      .filter((name) => name !== CHECKPOINTS_COLLECTION && !name.startsWith('system.'))
      .sort();
  }

  /** Closes the connections; later calls reject with ReadStoreUnavailableError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreUnavailableError('the MongoDB read store is closed');
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

/** The database path of a connection string (`mongodb://host/db?...`), if it names one. */
function databaseInUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : undefined;
}
