import { createHash, randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ReadDocument } from '../read-store.port';
import type { CollectionExport, StoreExport } from './snapshot-state';
import { collectionIndexOf, FrameDecoder, type FrameRef } from './frame-decoder';

/**
 * The snapshot file of the in-memory read store. Layout: the magic, then frames of
 * `[type: 1 byte][length: u32 BE][payload: JSON, UTF-8]` (read models hold plain JSON data; JSON was
 * measured faster than v8.serialize both ways on their documents, at about the same size):
 *   H  the header: `SnapshotMeta`, the checkpoints, each collection's name, index specs and deleted ids
 *   D  `[collection index, docs[]]`, up to DOCS_PER_FRAME docs (many frames)
 *   E  the end: `{ docs, sha256 }`, the count of docs and the SHA-256 of every byte before this frame
 * A file without its end frame, with another count or hash, or a frame that does not decode is corrupt
 * (a crash during a write cannot leave one: the file is written beside and renamed into place).
 */
const MAGIC = Buffer.from('PRACTICE-READ-SNAPSHOT\n');
const decode = (payload: Buffer): unknown => JSON.parse(payload.toString('utf8'));
/**
 * A frame is encoded and hashed in one go on the event loop while the service serves: 100 docs (about
 * 0.1 MB of JSON) keep each turn short. 1,000 made every list read during a periodic snapshot wait
 * behind frames (issue 14, P4: first page p99 236 ms at 20,000 clients, 13 ms with 100, 6.5 ms with none).
 */
const DOCS_PER_FRAME = 100;
const FLUSH_BYTES = 4 * 1024 * 1024;
export const SNAPSHOT_FORMAT = 1;

/** What a snapshot reflects: which projection code wrote it, and up to which log position. */
export interface SnapshotMeta {
  /** The projections' version (a hash of their definitions): a snapshot of another version is ignored. */
  readonly version: string;
  /** The log position every read model in it reflects (the lowest checkpoint). */
  readonly position: number;
  readonly writtenAt: string;
}

interface Header extends SnapshotMeta {
  readonly format: number;
  readonly checkpoints: StoreExport['checkpoints'];
  readonly collections: readonly Omit<CollectionExport, 'docs'>[];
}

export interface SnapshotWriteResult {
  readonly bytes: number;
  readonly docs: number;
}

const frame = (type: 'H' | 'D' | 'E', value: unknown): Buffer => {
  const payload = Buffer.from(JSON.stringify(value), 'utf8');
  const prefix = Buffer.alloc(5);
  prefix.write(type, 0, 'latin1');
  prefix.writeUInt32BE(payload.length, 1);
  return Buffer.concat([prefix, payload]);
};

/**
 * Writes `store` to `file` atomically: a temporary file beside it (0600: it holds what the log holds),
 * written in frames with a pause between them (the event loop keeps serving), fsynced, renamed over
 * `file`, then the directory fsynced. The docs must not change meanwhile (stored docs never do).
 */
export const writeSnapshotFile = async (file: string, meta: SnapshotMeta, store: StoreExport): Promise<SnapshotWriteResult> => {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let docs = 0;
  const flush = async () => {
    const chunk = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await handle.write(chunk);
    bytes += chunk.length;
  };
  const add = async (buffer: Buffer, hashed = true) => {
    if (hashed) hash.update(buffer);
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= FLUSH_BYTES) await flush();
  };
  try {
    const header: Header = {
      format: SNAPSHOT_FORMAT,
      ...meta,
      checkpoints: store.checkpoints,
      collections: store.collections.map(({ name, indexes, tombstones }) => ({ name, indexes, tombstones })),
    };
    await add(MAGIC);
    await add(frame('H', header));
    for (const [index, collection] of store.collections.entries()) {
      for (let from = 0; from < collection.docs.length; from += DOCS_PER_FRAME) {
        const slice = collection.docs.slice(from, from + DOCS_PER_FRAME);
        await add(frame('D', [index, slice]));
        docs += slice.length;
        if (pendingBytes < FLUSH_BYTES) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await add(frame('E', { docs, sha256: hash.digest('hex') }), false);
    await flush();
    await handle.sync();
    await handle.close();
    await rename(temp, file);
    await syncDirectory(dirname(file));
    return { bytes, docs };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
};

/** The rename itself is durable only once the directory is. */
const syncDirectory = async (dir: string): Promise<void> => {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** Why a snapshot was not loaded: none there, another version of the projections, or a corrupt file. */
export type SnapshotRead =
  | { readonly kind: 'loaded'; readonly meta: SnapshotMeta; readonly store: StoreExport; readonly docs: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'other-version'; readonly version: string }
  | { readonly kind: 'corrupt'; readonly reason: string };

class CorruptSnapshot extends Error {}

const READ_BYTES = 1024 * 1024;

/**
 * Frames of the file as they are read: `[type, payload, bytes of the frame, the payload's offset in the
 * file]`. The file is read into one buffer, reused (a frame is a view of it, valid until the loop over
 * the frames asks for the next one): reading a large snapshot allocates and copies no chunk per MiB.
 */
async function* framesOf(handle: FileHandle): AsyncGenerator<[string, Buffer, Buffer, number]> {
  let buffer = Buffer.allocUnsafe(2 * READ_BYTES);
  /** The bytes read and not yet framed: `buffer[start, end)`, at file offset `at`. */
  let start = 0;
  let end = 0;
  let at = 0;
  let magicSeen = false;
  for (let position = 0; ; ) {
    if (buffer.length - end < READ_BYTES) {
      // Keep the bytes not framed yet at the front (a buffer twice the size when a frame needs more).
      const pending = end - start;
      const next = pending + READ_BYTES > buffer.length ? Buffer.allocUnsafe(2 * (pending + READ_BYTES)) : buffer;
      buffer.copy(next, 0, start, end);
      buffer = next;
      start = 0;
      end = pending;
    }
    const { bytesRead } = await handle.read(buffer, end, READ_BYTES, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    end += bytesRead;
    if (!magicSeen) {
      if (end - start < MAGIC.length) continue;
      if (!buffer.subarray(start, start + MAGIC.length).equals(MAGIC)) throw new CorruptSnapshot('not a read-model snapshot');
      yield ['M', MAGIC, buffer.subarray(start, start + MAGIC.length), 0];
      start += MAGIC.length;
      at += MAGIC.length;
      magicSeen = true;
    }
    while (end - start >= 5) {
      const length = buffer.readUInt32BE(start + 1);
      if (end - start < 5 + length) break;
      const whole = buffer.subarray(start, start + 5 + length);
      yield [buffer.toString('latin1', start, start + 1), whole.subarray(5), whole, at + 5];
      start += 5 + length;
      at += 5 + length;
    }
  }
  if (end > start || !magicSeen) throw new CorruptSnapshot('the file ends inside a frame');
}

/**
 * Reads a snapshot written by `writeSnapshotFile`. `version` is the projections' version now: a file
 * of another one is left unread past its header. Nothing is returned unless the whole file checks out
 * (its frames, the count of docs its frames say they hold, its SHA-256). The frames of docs are kept as
 * they are (JSON), for the store to decode when a collection is first used or after the server listens
 * (see CollectionState.loadFrames): decoding was most of a start (issue 14, P6).
 */
export const readSnapshotFile = async (file: string, version: string): Promise<SnapshotRead> => {
  let header: Header | undefined;
  const framesOfCollection: FrameRef[][] = [];
  const hash = createHash('sha256');
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    for await (const [type, payload, whole, offset] of framesOf(handle)) {
      if (type === 'M') {
        hash.update(whole);
      } else if (type === 'H' && header === undefined) {
        hash.update(whole);
        header = decode(payload) as Header;
        if (header.format !== SNAPSHOT_FORMAT || header.version !== version) {
          await handle.close();
          return { kind: 'other-version', version: String(header.version) };
        }
        for (let i = 0; i < header.collections.length; i += 1) framesOfCollection.push([]);
      } else if (type === 'D' && header !== undefined) {
        hash.update(whole);
        const target = framesOfCollection[collectionIndexOf(payload) ?? -1];
        if (target === undefined) throw new CorruptSnapshot('a frame of docs names no collection');
        target.push({ offset, length: payload.length });
      } else if (type === 'E' && header !== undefined) {
        const end = decode(payload) as { docs: number; sha256: string };
        if (!Number.isSafeInteger(end.docs) || end.sha256 !== hash.digest('hex')) throw new CorruptSnapshot('the count or checksum of the docs does not match');
        const { version: written, position, writtenAt } = header;
        const collections: CollectionExport[] = header.collections.map((collection, i) => ({ ...collection, docs: [], frames: framesOfCollection[i] }));
        // The decoder reads the frames again from this handle (the same file, even once a newer snapshot is renamed over it).
        const decoder = new FrameDecoder(handle, framesOfCollection.reduce((sum, frames) => sum + frames.length, 0));
        return { kind: 'loaded', meta: { version: written, position, writtenAt }, store: { checkpoints: header.checkpoints, collections, decoder }, docs: end.docs };
      } else {
        throw new CorruptSnapshot(`an unexpected frame (${JSON.stringify(type)})`);
      }
    }
    throw new CorruptSnapshot('the file has no end frame (truncated)');
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    // A decoder's message quotes the bytes it stopped at (the data of clients): only its name is kept.
    return { kind: 'corrupt', reason: error instanceof CorruptSnapshot ? error.message : `a frame does not decode (${(error as Error)?.name ?? 'error'})` };
  }
};
