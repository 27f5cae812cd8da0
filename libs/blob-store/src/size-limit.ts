import { BlobTooLargeError } from './blob-store.port';

/** Counts the bytes of a put and refuses the first chunk that takes them past the limit. */
export class SizeLimit {
  private size = 0;

  constructor(private readonly maxBytes: number | undefined) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.maxBytes !== undefined && this.size > this.maxBytes) throw new BlobTooLargeError(this.maxBytes);
  }

  get bytes(): number {
    return this.size;
  }
}
