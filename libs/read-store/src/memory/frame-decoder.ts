import type { ReadDocument } from '../read-store.port';
import { StringInterner } from './string-interner';

/**
 * Decodes the frames of docs of one snapshot file (`[collection index, docs[]]`, JSON), whenever they
 * are decoded: at the first use of their collection, or one per turn after the server listens. One
 * table of shared strings serves the whole file (a decoder gives each doc its own copy of the practice
 * id, segment keys, dates, ...), and is dropped with the decoder once every frame is decoded.
 */
export class FrameDecoder {
  private readonly strings = new StringInterner();

  decode(frame: Buffer): ReadDocument[] {
    const decoded = JSON.parse(frame.toString('utf8')) as unknown;
    const docs = Array.isArray(decoded) ? (decoded[1] as unknown) : undefined;
    if (!Array.isArray(docs)) throw new Error('a frame of the read-model snapshot holds no docs');
    this.strings.intern(docs);
    return docs as ReadDocument[];
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
