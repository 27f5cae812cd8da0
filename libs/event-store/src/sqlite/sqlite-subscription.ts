import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  EventFilter,
  SubscribeOptions,
  SubscribedEvent,
  Subscription,
  SubscriptionCallbacks,
} from '../event-store.port';

/** What a subscription needs from the store: both reads are synchronous, so they see one snapshot. */
export interface SubscriptionSource {
  head(): number;
  /** Decoded events with after < position <= upTo; an undecodable event carries `invalidReason`. */
  readPage(after: number, upTo: number, maxCount: number, filter?: EventFilter): SubscribedEvent[];
}

export const DEFAULT_MAX_BATCH_SIZE = 500;

/** Lets stop() tell whether it is called from inside this subscription's own handler. */
const handlerContext = new AsyncLocalStorage<SqliteSubscription>();

/**
 * Catch-up and live are one loop: read the next page after the cursor, hand it over, await the
 * handler, repeat; at the head, sleep until the store reports a commit. The cursor only moves past
 * events once their batch has been handled, so nothing is delivered twice or skipped, whatever commits
 * while a batch is being handled.
 */
export class SqliteSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp: () => void = () => undefined;
  private rejectCaughtUp: (error: unknown) => void = () => undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  /** How many commits the store has reported: a change since the head was read means a commit since. */
  private commits = 0;
  private readonly ended: Promise<void>;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscribeOptions,
    private readonly callbacks: SubscriptionCallbacks,
    onEnded: (subscription: SqliteSubscription) => void,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Callers that never await caughtUp must not get an unhandled rejection when it fails.
    this.caughtUp.catch(() => undefined);
    this.ended = this.run().finally(() => onEnded(this));
  }

  /** The store calls this after every commit that stored events. */
  notify(): void {
    this.commits += 1;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /**
   * Resolves once the loop has ended, including the batch being handled. From inside the handler it
   * cannot wait for itself: it returns at once and no further batch is delivered.
   */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.rejectCaughtUp(new Error('the subscription was stopped before it caught up'));
      this.notify();
    }
    if (handlerContext.getStore() !== this) await this.ended;
  }

  private async run(): Promise<void> {
    // Let the constructor finish (and the caller keep the handle) before the first delivery.
    await Promise.resolve();
    const maxBatchSize = Math.max(1, this.options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE);
    let cursor = this.options.after ?? -1;
    try {
      while (!this.stopped) {
        const commits = this.commits;
        const head = this.source.head();
        const page = this.source.readPage(cursor, head, maxBatchSize, this.options.filter);
        const last = page[page.length - 1];
        if (last) {
          await handlerContext.run(this, () => this.callbacks.onEvents(page));
          cursor = last.position;
        }
        if (page.length < maxBatchSize) {
          // Everything up to `head` that matches has been handled; skip the rest for filtered reads.
          cursor = Math.max(cursor, head);
          this.resolveCaughtUp();
          await this.nextCommitAfter(commits);
        }
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Waits for a commit after the one the head was read at (`seen`: the count of commits reported then).
   * Checking the count and registering the waker happen in one synchronous step: no lost wake-up. A
   * commit reported while the batch was handled resolves at once, without reading the head again.
   */
  private nextCommitAfter(seen: number): Promise<void> {
    if (this.stopped || this.commits !== seen) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }

  private fail(error: unknown): void {
    this.stopped = true;
    this.rejectCaughtUp(error);
    if (this.callbacks.onError) this.callbacks.onError(error);
    // No onError: still not silent, a stopped projection must be visible.
    else console.error('event store subscription stopped', error);
  }
}
