import { createHash, randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobNotFoundError, isSha256, type BlobSource, type BlobStore, type PutOptions, type StoredBlob } from '../blob-store.port';
import { SizeLimit } from '../size-limit';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Embedded default: blobs as files under `<root>` (DATA_DIR/blobs), addressed by their SHA-256
 * (`ab/cd/abcd…`). A put is written to `tmp/` first and renamed into place once whole and synced, so a
 * crash never leaves a partial blob at an address. Directories 0700, files 0600, like the rest of DATA_DIR.
 */
export class FileSystemBlobStore implements BlobStore {
  private constructor(private readonly root: string) {}

  /** Opens (or creates) the store; temp files of a put cut short by a crash are removed here. */
  static async open(root: string): Promise<FileSystemBlobStore> {
    await mkdir(root, { recursive: true, mode: PRIVATE_DIR });
    await chmod(root, PRIVATE_DIR);
    await rm(join(root, 'tmp'), { recursive: true, force: true });
    await mkdir(join(root, 'tmp'), { mode: PRIVATE_DIR });
    return new FileSystemBlobStore(root);
  }

  async put(source: BlobSource, options: PutOptions = {}): Promise<StoredBlob> {
    const temp = join(this.root, 'tmp', randomUUID());
    const file = await open(temp, 'wx', PRIVATE_FILE);
    const hash = createHash('sha256');
    const limit = new SizeLimit(options.maxBytes);
    try {
      for await (const chunk of source) {
        limit.add(chunk);
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
      await file.close();
      const sha256 = hash.digest('hex');
      await this.moveIntoPlace(temp, sha256);
      return { sha256, size: limit.bytes };
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    if (!isSha256(sha256)) throw new BlobNotFoundError(sha256);
    try {
      const file = await open(this.pathOf(sha256), 'r');
      return file.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    return stat(this.pathOf(sha256)).then(
      () => true,
      (error: unknown) => {
        if (isMissing(error)) return false;
        throw error;
      },
    );
  }

  /** The temp files of puts under way (a put that failed or was refused leaves none). */
  async pendingTempFiles(): Promise<string[]> {
    return readdir(join(this.root, 'tmp'));
  }

  async close(): Promise<void> {}

  /** Same bytes, same address: a blob already there is kept and the copy dropped (rename is atomic either way). */
  private async moveIntoPlace(temp: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      await rm(temp, { force: true });
      return;
    }
    await mkdir(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true, mode: PRIVATE_DIR });
    await rename(temp, target);
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
