import type { EventStore, SubscribedEvent, Subscription } from '@practice/event-store';
import { isImmediateReadStore, type ImmediateReadStore, type ReadStore } from '@practice/read-store';
import type { ProjectionDefinition } from '../projection';
import type { RecordedEvent } from '@practice/events';
import { applyBatch, applyBatchNow, type ProjectionFailure } from './apply-batch';
import { TOMBSTONES } from './document-at';

export const PARKED_EVENTS = 'parked_events';

export interface ProjectorOptions {
  readonly maxBatchSize?: number;
  /** Reports operational facts only: positions and counts, never event data (it holds clinical data). */
  readonly log?: (message: string) => void;
  readonly onError?: (error: unknown) => void;
  /**
   * A catch-up at least this many positions behind the log's head runs as a bulk load of an in-memory
   * store (ImmediateReadStore.beginBulkLoad): default BULK_LOAD_FROM.
   */
  readonly bulkLoadFrom?: number;
}

/**
 * From how far behind a start's catch-up loads in bulk: below it, building every written collection's
 * indexes at its end would cost more than keeping them on each write.
 */
export const BULK_LOAD_FROM = 10_000;

export interface ProjectorStatus {
  readonly running: boolean;
  readonly caughtUp: boolean;
  /** The position of the last event applied to every read model, -1 before the first. */
  readonly position: number;
  readonly eventsApplied: number;
  readonly parked: number;
  /** Why the projector stopped on its own (a store failure, a subscription it gave up on); absent while it runs. */
  readonly stopped?: { readonly reason: string; readonly at: string };
}

/** A short reason for an operator: the error's name and message (the event's data is never in it). */
const reasonOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : `thrown: ${String(error)}`.slice(0, 500);

const parkedDocument = (event: RecordedEvent, reason: string) => ({
  _id: event.metadata.eventId,
  streamId: event.streamId,
  revision: event.revision,
  position: event.position,
  type: event.type,
  reason,
});

/**
 * Keeps the read models: one subscription to the whole log from the oldest checkpoint, each batch folded
 * into every projection, then every projection's checkpoint moved to the end of the batch. A crash
 * between the writes and the checkpoint replays the batch, which the position guard makes harmless.
 */
export class Projector {
  private subscription: Subscription | undefined;
  private position = -1;
  private eventsApplied = 0;
  private parked = 0;
  private caughtUp = false;
  private stopped: ProjectorStatus['stopped'];
  /** Each projection's checkpoint, by its index in `projections`. */
  private readonly checkpointAt: number[];
  private readonly names: readonly string[];
  /** Per event type, the indexes of the projections that react to it. */
  private readonly byType = new Map<string, number[]>();
  /** Set when the read store offers synchronous calls (in-memory): see applyNow. */
  private readonly immediate: ImmediateReadStore | undefined;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: readonly ProjectionDefinition[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.checkpointAt = projections.map(() => -1);
    this.names = projections.map((projection) => projection.name);
    projections.forEach((projection, index) => {
      for (const type of new Set(projection.eventTypes)) {
        const interested = this.byType.get(type);
        if (interested === undefined) this.byType.set(type, [index]);
        else interested.push(index);
      }
    });
    this.immediate = isImmediateReadStore(readStore) ? readStore : undefined;
  }

  /** Starts from the checkpoints; resolves once the read models have caught up with the log. */
  async start(): Promise<void> {
    for (const [index, projection] of this.projections.entries()) {
      await this.readStore.collection(projection.name).ensureIndexes(projection.indexes);
      this.checkpointAt[index] = (await this.readStore.getCheckpoint(projection.name)) ?? -1;
    }
    // The slowest projection decides where the subscription starts; the others skip what they have.
    const from = Math.min(...this.checkpointAt);
    this.position = from;
    const bulk = this.immediate?.beginBulkLoad !== undefined && (await this.events.headPosition()) - Math.max(from, 0) >= (this.options.bulkLoadFrom ?? BULK_LOAD_FROM);
    if (bulk) this.immediate?.beginBulkLoad?.();
    this.subscription = this.events.subscribeToAll(
      { after: from < 0 ? undefined : from, maxBatchSize: this.options.maxBatchSize ?? 1000 },
      {
        onEvents: (batch) => this.handle(batch),
        onError: (error) => {
          this.stopped = { reason: reasonOf(error), at: new Date().toISOString() };
          this.subscription = undefined;
          this.options.onError?.(error);
        },
      },
    );
    try {
      await this.subscription.caughtUp;
    } finally {
      if (bulk) this.immediate?.endBulkLoad?.();
    }
    this.caughtUp = true;
    this.options.log?.(`projector caught up at position ${this.position}`);
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  status(): ProjectorStatus {
    return {
      running: this.subscription !== undefined,
      caughtUp: this.caughtUp,
      position: this.position,
      eventsApplied: this.eventsApplied,
      parked: this.parked,
      ...(this.stopped ? { stopped: this.stopped } : {}),
    };
  }

  /** Resolves true once every read model reflects `position`, false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve: () => resolve(true) };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (this.waiters.delete(waiter)) resolve(false);
      }, timeoutMs).unref();
    });
  }

  private async handle(batch: readonly SubscribedEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const last = batch[batch.length - 1].position;
    // One pass over the batch: the invalid events, and per projection the events of its types that it
    // has not applied yet (a projection whose checkpoint is ahead skips what it has).
    const pending: (RecordedEvent[] | undefined)[] = new Array(this.projections.length);
    let invalid: SubscribedEvent[] | undefined;
    let valid = 0;
    for (const event of batch) {
      if (event.invalidReason !== undefined) {
        (invalid ??= []).push(event);
        continue;
      }
      valid += 1;
      const interested = this.byType.get(event.type);
      if (interested === undefined) continue;
      for (const index of interested) {
        if (event.position > this.checkpointAt[index]) (pending[index] ??= []).push(event);
      }
    }
    if (invalid !== undefined) await this.park(invalid);
    if (this.immediate !== undefined) await this.applyNow(this.immediate, pending, last);
    else await this.applyAwaited(pending, last);
    this.eventsApplied += valid;
    this.advanceTo(last);
  }

  /**
   * The in-memory store: every projection's batch folded and written in one synchronous pass, then
   * every checkpoint moved, awaited once (failures, rare, are parked in between).
   */
  private async applyNow(store: ImmediateReadStore, pending: readonly (RecordedEvent[] | undefined)[], last: number): Promise<void> {
    let failures: { projection: string; failures: ProjectionFailure[] }[] | undefined;
    const tombstones = store.collection(TOMBSTONES);
    for (let index = 0; index < this.projections.length; index += 1) {
      const events = pending[index];
      if (events === undefined) continue;
      const projection = this.projections[index];
      let failed: ProjectionFailure[] | undefined;
      applyBatchNow(projection, store.collection(projection.name), events, (failure) => (failed ??= []).push(failure), tombstones);
      if (failed !== undefined) (failures ??= []).push({ projection: projection.name, failures: failed });
    }
    if (failures !== undefined) for (const { projection, failures: failed } of failures) await this.parkFailures(projection, failed);
    // Through the port's own call, so a store that fails to keep a checkpoint stops the projector as before.
    await Promise.all(this.names.map((name) => store.setCheckpoint(name, last)));
    this.checkpointAt.fill(last);
  }

  /** Any other store: per projection its batch, its failures parked, then its checkpoint. */
  private async applyAwaited(pending: readonly (RecordedEvent[] | undefined)[], last: number): Promise<void> {
    for (let index = 0; index < this.projections.length; index += 1) {
      const projection = this.projections[index];
      const events = pending[index];
      if (events !== undefined) {
        const failures: ProjectionFailure[] = [];
        await applyBatch(projection, this.readStore.collection(projection.name), events, (failure) => failures.push(failure), this.readStore.collection(TOMBSTONES));
        await this.parkFailures(projection.name, failures);
      }
      await this.readStore.setCheckpoint(projection.name, last);
      this.checkpointAt[index] = last;
    }
  }

  /** A malformed event cannot be projected; it is kept with its reason for an operator, and the rest go on. */
  private async park(invalid: readonly SubscribedEvent[]): Promise<void> {
    if (invalid.length === 0) return;
    await this.readStore.collection(PARKED_EVENTS).bulkWrite(
      invalid.map((event) => ({ kind: 'put' as const, doc: parkedDocument(event, event.invalidReason ?? 'invalid') })),
    );
    this.parked += invalid.length;
    this.options.log?.(`parked ${invalid.length} invalid event(s) up to position ${invalid[invalid.length - 1].position}`);
  }

  /**
   * An event a projection threw on is kept with the projection and the error, for an operator; that read
   * model goes on without it, like every other read model and every later event.
   */
  private async parkFailures(projection: string, failures: readonly ProjectionFailure[]): Promise<void> {
    if (failures.length === 0) return;
    await this.readStore.collection(PARKED_EVENTS).bulkWrite(
      failures.map(({ event, error }) => ({ kind: 'put' as const, doc: { ...parkedDocument(event, reasonOf(error)), _id: `${projection}:${event.metadata.eventId}`, projection } })),
    );
    this.parked += failures.length;
    this.options.log?.(`parked ${failures.length} event(s) that projection ${projection} threw on, up to position ${failures[failures.length - 1].event.position}`);
  }

  private advanceTo(position: number): void {
    this.position = position;
    for (const waiter of this.waiters) {
      if (waiter.position <= position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
