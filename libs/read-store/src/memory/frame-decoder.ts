import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { ReadDocument } from '../read-store.port';
import { StringInterner } from './string-interner';

/** Where a frame of docs (JSON: `[collection index, docs[]]`) is in its snapshot file. */
export interface FrameRef {
  readonly offset: number;
  readonly length: number;
}

/**
 * Decodes the frames of docs of one snapshot file, checked whole already, whenever they are decoded:
 * at the first use of their collection, or one per turn after the server listens (issue 14, P6). Each
 * is read again from the file (the page cache holds it: reading the frames costs little, decoding them
 * much), so that the frames not decoded yet take no memory; the file stays open until the last one is
 * decoded or the store is closed. One table of shared strings serves the whole file (a decoder gives
 * each doc its own copy of the practice id, segment keys, dates, ...), and goes with the decoder.
 */
export class FrameDecoder {
  private readonly strings = new StringInterner();
  private scratch = Buffer.alloc(0);
  private closed = false;

  constructor(
    private readonly handle: FileHandle,
    /** Frames left to decode: the file is closed after the last one. */
    private left: number,
  ) {
    if (left === 0) this.close();
  }

  decode(frame: FrameRef): ReadDocument[] {
    if (this.closed) throw new Error('the read-model snapshot was closed before all of it was decoded');
    if (this.scratch.length < frame.length) this.scratch = Buffer.allocUnsafe(Math.max(frame.length, 256 * 1024));
    let read = 0;
    while (read < frame.length) {
      const bytes = readSync(this.handle.fd, this.scratch, read, frame.length - read, frame.offset + read);
      if (bytes === 0) throw new Error('the read-model snapshot ends inside a frame');
      read += bytes;
    }
    const text = this.scratch.toString('utf8', 0, frame.length);
    this.left -= 1;
    if (this.left === 0) this.close();
    const decoded = JSON.parse(text) as unknown;
    const docs = Array.isArray(decoded) ? (decoded[1] as unknown) : undefined;
    if (!Array.isArray(docs)) throw new Error('a frame of the read-model snapshot holds no docs');
    this.strings.intern(docs);
    return docs as ReadDocument[];
  }

  /** Closes the file (the last frame decoded, or the store closed). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.scratch = Buffer.alloc(0);
    void this.handle.close().catch(() => undefined);
  }
}

/**
 * The collection index a frame of docs starts with (`[3,[...`), read without decoding the frame;
 * undefined when the frame does not start that way.
 */
export const collectionIndexOf = (frame: Buffer): number | undefined => {
  if (frame[0] !== 0x5b) return undefined;
  let index = 0;
  let at = 1;
  for (; at < frame.length && at < 12; at += 1) {
    const byte = frame[at];
    if (byte === 0x2c) return at > 1 ? index : undefined;
    if (byte < 0x30 || byte > 0x39) return undefined;
    index = index * 10 + (byte - 0x30);
  }
  return undefined;
};
