import type { Readable } from 'node:stream';

/** What a blob store answers for stored bytes: their SHA-256 (lower-case hex, the blob's address) and size. */
export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
}

export interface PutOptions {
  /** The most bytes the blob may have: past it, `put` stops reading, keeps nothing and throws BlobTooLargeError. */
  readonly maxBytes?: number;
}

/** Bytes read from the source, at most one chunk at a time in memory per put. */
export type BlobSource = AsyncIterable<Uint8Array> | Readable;

/**
 * A content-addressed store of bytes (documents uploaded to a chart). Events hold the SHA-256 and the
 * metadata, never the bytes. Bytes are written once per content: the same bytes put twice (or at the
 * same moment) are stored once. Nothing is ever removed through the port: a blob may be shared by
 * several uploads, and clinical records are kept (see README "Files").
 */
export interface BlobStore {
  /**
   * Streams `source` into the store. The blob is visible to `get` / `exists` only once it is whole: an
   * error of the source, a limit exceeded or a crash leaves nothing addressable.
   */
  put(source: BlobSource, options?: PutOptions): Promise<StoredBlob>;
  /** The bytes of a blob as a stream; BlobNotFoundError when there is none with this SHA-256. */
  get(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The source had more bytes than `maxBytes`; nothing was kept. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the blob is larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super('no blob with this SHA-256');
    this.name = 'BlobNotFoundError';
  }
}

/** A SHA-256 as the store names blobs: 64 lower-case hex digits. Anything else names no blob. */
export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
