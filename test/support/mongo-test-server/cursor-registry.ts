/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * Open cursors of `find`, `aggregate`, `listCollections` and `listIndexes`. A query's whole result is
 * computed up front and handed out in batches, so getMore needs no snapshot logic. Cursor ids are
 * int64 on the wire: the driver reads `cursor.id` as a BSON long and nothing else.
 */
import { Long, type Document } from 'bson';
import { CommandError, ErrorCodes } from './command-error';

/** The first batch MongoDB returns when the client sets no batchSize. */
const DEFAULT_FIRST_BATCH = 101;

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
    const firstBatch = results.slice(0, size);
    const remaining = results.slice(size);
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
    // Without a batchSize a real server fills up to 16 MB; here that means "all that is left".
    const size = typeof batchSize === 'number' && batchSize > 0 ? batchSize : cursor.remaining.length;
    const nextBatch = cursor.remaining.splice(0, size);
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
