import pino, { type DestinationStream } from 'pino';

/** A turn's lines are written early once they reach this many characters (sonic-boom's own write size). */
const MAX_PENDING = 16 * 1024;

export interface BatchedDestination extends DestinationStream {
  /** Writes the lines still held, now. */
  flush(): void;
}

const destinations = new Map<number | string, BatchedDestination>();
const flushAll = (): void => destinations.forEach((destination) => destination.flush());

/**
 * Where the process logger writes (stdout, or a file): the lines logged in one turn of the event
 * loop are written together, in one synchronous write at its end (`setImmediate`), in the order they
 * were logged. A server under load ends many requests per turn, and writing each access line on its
 * own cost a system call per request (with an async destination, a wake-up of a libuv thread per
 * request, 4% of the server's thread in a profile of POST /clients). A line is never held past the
 * turn that logged it, so what a reader of the output sees is unchanged but for that; a process
 * that exits writes what it holds first (`exit`). One destination per target, shared by every logger
 * of the process, so their lines keep their order.
 */
export const batchedDestination = (dest: number | string): BatchedDestination => {
  const existing = destinations.get(dest);
  if (existing) return existing;
  const out = pino.destination({ dest, sync: true });
  let pending = '';
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending === '') return;
    const lines = pending;
    pending = '';
    out.write(lines);
  };
  if (destinations.size === 0) process.once('exit', flushAll);
  const destination: BatchedDestination = {
    write(line: string): void {
      pending += line;
      if (pending.length >= MAX_PENDING) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
  destinations.set(dest, destination);
  return destination;
};
