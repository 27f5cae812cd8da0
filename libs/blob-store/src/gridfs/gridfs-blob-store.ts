import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { GridFSBucket, MongoClient, MongoServerError, type Collection, type MongoClientOptions, type ObjectId } from 'mongodb';
import { BlobNotFoundError, isSha256, type BlobSource, type BlobStore, type PutOptions, type StoredBlob } from '../blob-store.port';
import { SizeLimit } from '../size-limit';

export interface GridFsBlobStoreOptions {
  /** MONGODB_URL: the server of the read models. */
  readonly url: string;
  readonly dbName: string;
  /** The GridFS bucket (`<bucket>.files`, `<bucket>.chunks`); its address index is `<bucket>.sha256`. */
  readonly bucketName?: string;
  readonly clientOptions?: MongoClientOptions;
}

/** One content's entry: which GridFS file holds the bytes of this SHA-256. */
interface BlobAddress {
  readonly _id: string;
  readonly fileId: ObjectId;
  readonly size: number;
}

const DUPLICATE_KEY = 11000;

/**
 * Production: blobs in MongoDB GridFS on the read models' server. GridFS learns the SHA-256 only once
 * every chunk is written, so a put uploads under a temporary name (`tmp/<uuid>`), then claims the
 * address: an insert into `<bucket>.sha256` keyed by the SHA-256. The first claim wins; a put of the
 * same bytes that loses (sequential or concurrent) deletes its own copy, so each content is kept once.
 * Until the claim, the upload is at no address: a put cut short leaves at most a `tmp/` file that no
 * `get` can reach (and that an operator may remove).
 */
export class GridFsBlobStore implements BlobStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly bucket: GridFSBucket,
    private readonly addresses: Collection<BlobAddress>,
    private readonly ownsClient: boolean,
  ) {}

  static async connect(options: GridFsBlobStoreOptions): Promise<GridFsBlobStore> {
    const client = await MongoClient.connect(options.url, options.clientOptions);
    return GridFsBlobStore.over(client, options.dbName, options.bucketName, true);
  }

  /** Over a client the caller already holds (and closes). */
  static over(client: MongoClient, dbName: string, bucketName = 'blobs', ownsClient = false): GridFsBlobStore {
    const db = client.db(dbName);
    return new GridFsBlobStore(client, new GridFSBucket(db, { bucketName }), db.collection<BlobAddress>(`${bucketName}.sha256`), ownsClient);
  }

  async put(source: BlobSource, options: PutOptions = {}): Promise<StoredBlob> {
    const upload = this.bucket.openUploadStream(`tmp/${randomUUID()}`);
    // A failed chunk write surfaces through `once(drain)` or `finished` below; an aborted upload's
    // pending writes report "aborted", which is expected then.
    upload.on('error', () => undefined);
    const hash = createHash('sha256');
    const limit = new SizeLimit(options.maxBytes);
    try {
      for await (const chunk of source) {
        limit.add(chunk);
        hash.update(chunk);
        // The driver copies the chunk into its own buffer before write returns.
        if (!upload.write(chunk)) await once(upload, 'drain');
      }
      upload.end();
      await finished(upload);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw error;
    }
    const sha256 = hash.digest('hex');
    await this.claim(sha256, upload.id, limit.bytes);
    return { sha256, size: limit.bytes };
  }

  async get(sha256: string): Promise<Readable> {
    const address = isSha256(sha256) ? await this.addresses.findOne({ _id: sha256 }) : null;
    if (!address) throw new BlobNotFoundError(sha256);
    return this.bucket.openDownloadStream(address.fileId);
  }

  async exists(sha256: string): Promise<boolean> {
    return isSha256(sha256) && (await this.addresses.countDocuments({ _id: sha256 }, { limit: 1 })) > 0;
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  private async claim(sha256: string, fileId: ObjectId, size: number): Promise<void> {
    try {
      await this.addresses.insertOne({ _id: sha256, fileId, size });
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) {
        await this.bucket.delete(fileId).catch(() => undefined);
        throw error;
      }
      await this.bucket.delete(fileId);
      return;
    }
    // Only for operators reading the bucket: the address index above is what `get` follows.
    await this.bucket.rename(fileId, sha256);
  }
}
