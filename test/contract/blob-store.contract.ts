import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobNotFoundError, BlobTooLargeError, type BlobStore } from '@practice/blob-store';

/**
 * The behaviour every BlobStore adapter owes its callers. Each test gets a store of its own (a fresh
 * directory, a fresh database), so counts of stored copies are the test's alone.
 */
export interface BlobStoreFixture {
  readonly store: BlobStore;
  /** How many copies of blob bytes the store holds (files, GridFS files), whatever their state. */
  storedCopies(): Promise<number>;
  cleanup(): Promise<void>;
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Uint8Array));
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

/** A source that fails after its first chunk, as a client that hangs up mid-upload does. */
async function* failingAfterOneChunk(): AsyncIterable<Uint8Array> {
  yield randomBytes(1024);
  throw new Error('the client went away');
}

export function blobStoreContract(name: string, open: () => Promise<BlobStoreFixture>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let fixture: BlobStoreFixture;
    let store: BlobStore;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });

    afterEach(() => fixture.cleanup());

    it('gives back the bytes it was given, addressed by their SHA-256, with their size', async () => {
      const bytes = randomBytes(70_000);
      const stored = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
      expect(stored).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
      expect(await store.exists(stored.sha256)).toBe(true);
      expect((await readAll(await store.get(stored.sha256))).bytes.equals(bytes)).toBe(true);
    });

    it('stores an empty blob', async () => {
      const stored = await store.put(Readable.from([]));
      expect(stored).toEqual({ sha256: sha256Of(Buffer.alloc(0)), size: 0 });
      expect((await readAll(await store.get(stored.sha256))).bytes.length).toBe(0);
    });

    it('keeps the same bytes once, however often they are put', async () => {
      const bytes = randomBytes(5000);
      const first = await store.put(Readable.from([bytes]));
      const second = await store.put(Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]));
      expect(second).toEqual(first);
      expect(await fixture.storedCopies()).toBe(1);
    });

    it('keeps one copy when the same bytes are put at the same moment, and each put answers their address', async () => {
      const bytes = randomBytes(300_000);
      const results = await Promise.all(Array.from({ length: 5 }, () => store.put(Readable.from([bytes]))));
      for (const result of results) expect(result).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
      expect(await fixture.storedCopies()).toBe(1);
      expect((await readAll(await store.get(sha256Of(bytes)))).bytes.equals(bytes)).toBe(true);
    });

    it('streams a large blob: one chunk at a time in, many chunks out', async () => {
      // The source refills ONE buffer for every chunk: a store that held on to chunks (buffered the
      // whole blob) would keep 20 references to the last content, and give back other bytes.
      const chunkSize = 1024 * 1024;
      const chunks = 20; // 20 MiB: more than a MongoDB document can hold
      const expected = createHash('sha256');
      const buffer = Buffer.alloc(chunkSize);
      async function* source(): AsyncIterable<Uint8Array> {
        for (let i = 0; i < chunks; i += 1) {
          buffer.fill(i + 1);
          buffer.writeUInt32BE(i, 0);
          expected.update(buffer);
          yield buffer;
        }
      }
      const stored = await store.put(source());
      expect(stored).toEqual({ sha256: expected.digest('hex'), size: chunkSize * chunks });
      const readBack = createHash('sha256');
      let count = 0;
      let largest = 0;
      for await (const chunk of await store.get(stored.sha256)) {
        readBack.update(chunk as Uint8Array);
        count += 1;
        largest = Math.max(largest, (chunk as Uint8Array).byteLength);
      }
      expect(readBack.digest('hex')).toBe(stored.sha256);
      expect(count).toBeGreaterThan(1);
      expect(largest).toBeLessThanOrEqual(chunkSize);
    }, 180_000); // 20 MiB through the in-process MongoDB test server is slow on a busy machine

    it('knows no blob it was never given', async () => {
      const missing = sha256Of(Buffer.from('never stored'));
      expect(await store.exists(missing)).toBe(false);
      await expect(store.get(missing)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await store.exists('not-a-sha')).toBe(false);
    });

    it('refuses a blob past maxBytes and keeps nothing of it', async () => {
      const bytes = randomBytes(4096);
      await expect(store.put(Readable.from([bytes.subarray(0, 3000), bytes.subarray(3000)]), { maxBytes: 4095 })).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await store.exists(sha256Of(bytes))).toBe(false);
      expect(await fixture.storedCopies()).toBe(0);
      expect(await store.put(Readable.from([bytes]), { maxBytes: 4096 })).toEqual({ sha256: sha256Of(bytes), size: 4096 });
    });

    it('keeps nothing of a source that fails part-way', async () => {
      await expect(store.put(failingAfterOneChunk())).rejects.toThrow('the client went away');
      expect(await fixture.storedCopies()).toBe(0);
    });
  });
}
