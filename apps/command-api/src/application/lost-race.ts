import type { EventStore } from '@practice/event-store';

/** How many times a command that lost a race for a stream is decided again before the 409. */
export const MAX_ATTEMPTS = 8;

/**
 * The pause before deciding again after a lost race: a random time up to a bound that doubles with
 * each attempt (full jitter), so commands that lost together do not meet again at the next try.
 */
export const afterLostRace = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(64, 2 ** attempt)));

/**
 * Commands of this process on one stream, one after another: each reads the stream after the one
 * before it wrote, so they never lose a race to each other (group commit would otherwise fail all
 * but one of those appended in the same tick, and they would meet again at every retry). Races with
 * other processes are still caught by the expected revision and retried.
 */
class StreamQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(streamId: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(streamId) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return result;
  }
}

const queues = new WeakMap<EventStore, StreamQueue>();

/** The queue of a store: every runner of the process on that store shares it. */
export const streamQueueOf = (store: EventStore): StreamQueue => {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = new StreamQueue()));
  return queue;
};
