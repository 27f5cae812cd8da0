/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * Open cursors of `find`, `aggregate`, `listCollections` and `listIndexes`. A query's whole result is
 * computed up front and handed out in batches, so getMore needs no snapshot logic. Cursor ids are
 * int64 on the wire: the driver reads `cursor.id` as a BSON long and nothing else.
 */
import { calculateObjectSize, Long, type Document } from 'bson';
import { CommandError, ErrorCodes } from './command-error';

/** The first batch MongoDB returns when the client sets no batchSize. */
const DEFAULT_FIRST_BATCH = 101;

/** A batch holds at most 16 MiB of documents, as on a real server (a reply must fit a BSON document). */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/** The first `count` documents, or fewer so that they fit MAX_BATCH_BYTES (always at least one). */
const batchOf = (documents: Document[], count: number): Document[] => {
  let bytes = 0;
  let taken = 0;
  while (taken < Math.min(count, documents.length)) {
    bytes += calculateObjectSize(documents[taken]);
    if (taken > 0 && bytes > MAX_BATCH_BYTES) break;
    taken += 1;
  }
  return documents.slice(0, taken);
};

interface OpenCursor {
  readonly namespace: string;
  readonly remaining: Document[];
}

export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private nextId = 1;

  get openCount(): number {
    return this.cursors.size;
  }

  /** The `{cursor: {firstBatch, id, ns}, ok: 1}` reply; keeps a cursor open only if documents remain. */
  open(namespace: string, results: Document[], batchSize: unknown, singleBatch = false): Document {
    const size = typeof batchSize === 'number' && batchSize >= 0 ? batchSize : DEFAULT_FIRST_BATCH;
    const firstBatch = batchOf(results, size);
    const remaining = results.slice(firstBatch.length);
    let id = 0;
    if (remaining.length > 0 && !singleBatch) {
      id = this.nextId++;
      this.cursors.set(id, { namespace, remaining });
    }
    return { cursor: { firstBatch, id: Long.fromNumber(id), ns: namespace }, ok: 1 };
  }

  getMore(cursorId: unknown, batchSize: unknown): Document {
    const id = Number(cursorId);
    const cursor = this.cursors.get(id);
    if (!cursor) throw new CommandError(ErrorCodes.CursorNotFound, `cursor id ${id} not found`);
    // Without a batchSize a real server fills up to 16 MiB: all that is left, if it fits.
    const size = typeof batchSize === 'number' && batchSize > 0 ? batchSize : cursor.remaining.length;
    const nextBatch = cursor.remaining.splice(0, batchOf(cursor.remaining, size).length);
    const exhausted = cursor.remaining.length === 0;
    if (exhausted) this.cursors.delete(id);
    return { cursor: { nextBatch, id: Long.fromNumber(exhausted ? 0 : id), ns: cursor.namespace }, ok: 1 };
  }

  kill(cursorIds: readonly unknown[]): Document {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const raw of cursorIds) {
      const id = Number(raw);
      (this.cursors.delete(id) ? killed : notFound).push(Long.fromNumber(id));
    }
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }
}
