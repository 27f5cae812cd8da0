import { AsyncLocalStorage } from 'node:async_hooks';
import { type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient, type Position } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  type SubscribeOptions,
  type SubscribedEvent,
  type Subscription,
  type SubscriptionCallbacks,
  type EventCodec,
} from '../event-store.port';
import { isTransient, toPortError } from './client-error.mapping';
import { decodeForSubscription, readPositionAfter, toPortPosition } from './recorded-event.mapping';
import { SubscriptionBatchReader } from './subscription-batch-reader';
import { planFilter, type FilterPlan } from './subscription-filter';

export interface ReconnectPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Consecutive failed attempts before the subscription gives up and reports to `onError`. */
  readonly maxAttempts: number;
}

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = { initialDelayMs: 100, maxDelayMs: 5_000, maxAttempts: 20 };

const DEFAULT_MAX_BATCH_SIZE = 100;

export interface CatchUpDependencies {
  readonly client: EventStoreDBClient;
  readonly codec: EventCodec;
  readonly headPosition: () => Promise<number>;
  readonly reconnect: ReconnectPolicy;
}

/** Which subscription's handler is running in the current async context, if any. */
const handlerContext = new AsyncLocalStorage<object>();

/** The handler's failure, kept apart from connection failures: it is fatal, never retried. */
class HandlerFailed {
  constructor(readonly error: unknown) {}
}

/** Counts of one client subscription: received vs handled pins a caught-up signal to the events before it. */
interface Connection {
  readonly reader: SubscriptionBatchReader;
  handled: number;
  caughtUpAt: number | undefined;
}

type ConnectionEnd = { readonly kind: 'stopped' } | { readonly kind: 'dropped'; readonly error: unknown; readonly confirmed: boolean };

/**
 * A subscription to `$all` that survives the server dropping it. It remembers the position of the last
 * event it handed over (or skipped) and, after a drop, subscribes again from there with exponential
 * backoff. EventStoreDB subscriptions start strictly after the given position, and events at or before
 * it are skipped anyway, so a re-subscription neither repeats nor loses an event.
 */
export class EventStoreDbCatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: unknown) => void;
  private caughtUpSettled = false;
  private head: number | undefined;
  private lastPosition: number | undefined;
  private stopped = false;
  private reader: SubscriptionBatchReader | undefined;
  private cancelSleep: (() => void) | undefined;
  private readonly plan: FilterPlan;
  private readonly maxBatchSize: number;
  private readonly done: Promise<void>;

  constructor(
    private readonly deps: CatchUpDependencies,
    options: SubscribeOptions,
    private readonly callbacks: SubscriptionCallbacks,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // Nobody is obliged to await caughtUp; its rejection must not become an unhandled one.
    this.caughtUp.catch(() => undefined);
    this.lastPosition = options.after;
    this.plan = planFilter(options.filter);
    this.maxBatchSize = Math.max(1, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE);
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader?.close();
    this.cancelSleep?.();
    // A handler may stop its own subscription: waiting for the loop there would wait for itself. The
    // loop ends as soon as that handler returns.
    if (handlerContext.getStore() === this) return;
    await this.done;
  }

  // -----------------------------------------------------------------------------------------------
  // Connection loop
  // -----------------------------------------------------------------------------------------------

  private async run(): Promise<void> {
    try {
      await this.connectUntilStopped();
    } finally {
      this.settleCaughtUp(new Error('the subscription was stopped before it caught up'));
    }
  }

  private async connectUntilStopped(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let end: ConnectionEnd;
      try {
        end = await this.connectOnce();
      } catch (error) {
        return this.fail(error instanceof HandlerFailed ? error.error : toPortError(error));
      }
      if (end.kind === 'stopped' || this.stopped) return;
      if (!isTransient(end.error)) return this.fail(toPortError(end.error));
      failures = end.confirmed ? 1 : failures + 1;
      if (failures > this.deps.reconnect.maxAttempts) {
        return this.fail(new EventStoreUnavailableError(`the subscription could not be re-established after ${failures - 1} attempts`, end.error));
      }
      await this.sleep(this.backoff(failures));
    }
  }

  /** One client subscription, from the last handled position until it ends, fails or is stopped. */
  private async connectOnce(): Promise<ConnectionEnd> {
    try {
      if (this.head === undefined) this.startCatchingUp(await this.deps.headPosition());
    } catch (error) {
      return { kind: 'dropped', error, confirmed: false };
    }
    if (this.stopped) return { kind: 'stopped' };
    let confirmed = false;
    let connection: Connection | undefined;
    const subscription: AllStreamSubscription = this.deps.client.subscribeToAll(
      {
        fromPosition: readPositionAfter(this.lastPosition),
        filter: this.plan.serverFilter((_subscription, position) => this.onCheckpoint(connection, position)),
      },
      { highWaterMark: this.maxBatchSize },
    );
    const reader = new SubscriptionBatchReader(subscription);
    connection = { reader, handled: 0, caughtUpAt: undefined };
    this.reader = reader;
    subscription.on('confirmation', () => (confirmed = true));
    subscription.on('caughtUp', () => this.signalCaughtUp(connection!));
    try {
      return await this.consume(connection, () => confirmed);
    } finally {
      reader.close();
      this.reader = undefined;
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private async consume(connection: Connection, confirmed: () => boolean): Promise<ConnectionEnd> {
    for (;;) {
      const next = await connection.reader.next(this.maxBatchSize);
      switch (next.kind) {
        case 'closed':
          return { kind: 'stopped' };
        case 'ended':
          return { kind: 'dropped', error: new EventStoreUnavailableError('the server ended the subscription'), confirmed: confirmed() };
        case 'failed':
          return { kind: 'dropped', error: next.error, confirmed: confirmed() };
        case 'events':
          await this.deliver(next.events);
          connection.handled += next.events.length;
          this.checkCaughtUp(connection);
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Delivery
  // -----------------------------------------------------------------------------------------------

  private async deliver(batch: readonly AllStreamResolvedEvent[]): Promise<void> {
    const events: SubscribedEvent[] = [];
    let last = this.lastPosition;
    for (const resolved of batch) {
      const stored = resolved.event;
      if (!stored) continue;
      const position = toPortPosition(stored.position);
      if (last !== undefined && position <= last) continue;
      last = position;
      if (this.plan.accepts(stored)) events.push(decodeForSubscription(stored, this.deps.codec));
    }
    if (events.length > 0) {
      try {
        await handlerContext.run(this, () => this.callbacks.onEvents(events));
      } catch (error) {
        throw new HandlerFailed(error);
      }
    }
    this.lastPosition = last;
  }

  // -----------------------------------------------------------------------------------------------
  // Caught up: the head read at start has been handled, or the server said so (caught-up message, or
  // a checkpoint past the head) and everything received before that signal has been handled.
  // -----------------------------------------------------------------------------------------------

  private startCatchingUp(head: number): void {
    this.head = head;
    if (head < 0 || (this.lastPosition !== undefined && this.lastPosition >= head)) this.settleCaughtUp();
  }

  /** A checkpoint past the head means the server has searched beyond it, matching or not. */
  private onCheckpoint(connection: Connection | undefined, position: Position): void {
    if (connection && this.head !== undefined && toPortPosition(position) > this.head) this.signalCaughtUp(connection);
  }

  private signalCaughtUp(connection: Connection): void {
    if (this.caughtUpSettled) return;
    connection.caughtUpAt ??= connection.reader.receivedCount;
    this.checkCaughtUp(connection);
  }

  private checkCaughtUp(connection: Connection): void {
    if (this.caughtUpSettled) return;
    const pastHead = this.head !== undefined && this.lastPosition !== undefined && this.lastPosition >= this.head;
    const signalled = connection.caughtUpAt !== undefined && connection.handled >= connection.caughtUpAt;
    if (pastHead || signalled) this.settleCaughtUp();
  }

  private settleCaughtUp(error?: unknown): void {
    if (this.caughtUpSettled) return;
    this.caughtUpSettled = true;
    if (error === undefined) this.resolveCaughtUp();
    else this.rejectCaughtUp(error);
  }

  // -----------------------------------------------------------------------------------------------

  private fail(error: unknown): void {
    this.stopped = true;
    this.settleCaughtUp(error);
    this.callbacks.onError?.(error);
  }

  private backoff(failures: number): number {
    const { initialDelayMs, maxDelayMs } = this.deps.reconnect;
    return Math.min(maxDelayMs, initialDelayMs * 2 ** (failures - 1));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelSleep = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
