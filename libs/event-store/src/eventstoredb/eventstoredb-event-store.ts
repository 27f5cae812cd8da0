import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AppendResult as ClientAppendResult,
  type RecordedEvent as ClientRecordedEvent,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '@practice/events';
import {
  EventStoreUnavailableError,
  passThroughCodec,
  WrongExpectedRevisionError,
  type AppendOptions,
  type AppendResult,
  type EventCodec,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionCallbacks,
} from '../event-store.port';
import { DEFAULT_RECONNECT_POLICY, EventStoreDbCatchUpSubscription, type ReconnectPolicy } from './catch-up-subscription';
import { isStreamNotFound, toPortError } from './client-error.mapping';
import { toClientExpectedRevision } from './expected-revision.mapping';
import { decodeForRead, isSystemEvent, readPositionAfter, toEventData, toPortPosition } from './recorded-event.mapping';
import { matchesEventFilter } from './subscription-filter';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://node1:2113,node2:2113,node3:2113?tls=true`, or `esdb://127.0.0.1:2113?tls=false`. */
  readonly connectionString: string;
  readonly codec?: EventCodec;
  /** How a dropped subscription is re-established. */
  readonly reconnect?: Partial<ReconnectPolicy>;
}

/**
 * The production event store, on EventStoreDB through `@eventstore/db-client`.
 *
 * - Event ids are the commands' deterministic `metadata.eventId` (UUIDs), so EventStoreDB's own
 *   idempotency makes a retried append write nothing and answer as the first one did.
 * - Data and the envelope metadata are stored as JSON.
 * - `position` is EventStoreDB's commit position as a number (exact below 2^53 bytes of log). Every
 *   event gets its own commit position here because this adapter never uses explicit transactions.
 * - System events (`$` streams or `$` types) never leave the adapter: not from readAll, not from
 *   subscriptions, not in headPosition.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly codec: EventCodec;
  private readonly reconnect: ReconnectPolicy;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.codec = options.codec ?? passThroughCodec;
    this.reconnect = { ...DEFAULT_RECONNECT_POLICY, ...options.reconnect };
  }

  static fromConnectionString(connectionString: string, codec?: EventCodec): EventStoreDbEventStore {
    return new EventStoreDbEventStore({ connectionString, codec });
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    for (const event of events) this.codec.checkOnAppend(event);
    if (events.length === 0) return this.checkEmptyAppend(streamId, options.expectedRevision);
    const data = events.map(toEventData);
    const expectedRevision = toClientExpectedRevision(options.expectedRevision);
    let result: ClientAppendResult;
    try {
      result = await this.client.appendToStream(streamId, data, { expectedRevision });
    } catch (error) {
      throw toPortError(error, { streamId, expected: options.expectedRevision });
    }
    return { nextExpectedRevision: Number(result.nextExpectedRevision), position: toPortPosition(result.position) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const defaultStart = direction === 'forwards' ? START : END;
    const stored = await this.guard({ streamId }, async () => {
      try {
        return await collect(
          this.client.readStream(streamId, {
            direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
            fromRevision: options.fromRevision === undefined ? defaultStart : BigInt(options.fromRevision),
            ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
          }),
          (event) => event,
        );
      } catch (error) {
        if (isStreamNotFound(error)) return [];
        throw error;
      }
    });
    return stored.map((event) => decodeForRead(event, this.codec));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after, filter } = options;
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return [];
    // The client cannot send a filter with a read (only with a subscription), so it is applied here.
    const stored = await this.guard({}, () =>
      collect(
        this.client.readAll({ direction: FORWARDS, fromPosition: readPositionAfter(after) }),
        (event) => {
          const position = toPortPosition(event.position);
          const wanted = (after === undefined || position > after) && !isSystemEvent(event) && matchesEventFilter(filter, event);
          return wanted ? event : undefined;
        },
        limit,
      ),
    );
    return stored.map((event) => decodeForRead(event, this.codec));
  }

  subscribeToAll(options: SubscribeOptions, callbacks: SubscriptionCallbacks): Subscription {
    this.ensureOpen();
    const subscription = new EventStoreDbCatchUpSubscription(
      { client: this.client, codec: this.codec, headPosition: () => this.headPosition(), reconnect: this.reconnect },
      options,
      {
        onEvents: callbacks.onEvents,
        onError: (error) => {
          this.subscriptions.delete(subscription);
          callbacks.onError?.(error);
        },
      },
    );
    this.subscriptions.add(subscription);
    return {
      caughtUp: subscription.caughtUp,
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async headPosition(): Promise<number> {
    // Reading backwards from the end, past any system events written after the last of ours.
    const [last] = await this.guard({}, () =>
      collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END }), (event) => (isSystemEvent(event) ? undefined : event), 1),
    );
    return last ? toPortPosition(last.position) : -1;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  // -----------------------------------------------------------------------------------------------

  /**
   * EventStoreDB's answer to an append of no events is not specified by the protocol, so the adapter
   * checks the expectation itself and answers with the stream as it is.
   */
  private async checkEmptyAppend(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const current = last ? last.revision : -1;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === -1) ||
      (expected === 'stream_exists' && current >= 0) ||
      expected === current;
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current);
    return { nextExpectedRevision: current, position: last ? last.position : -1 };
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the EventStoreDB event store is closed');
  }

  private async guard<T>(context: { readonly streamId?: string }, action: () => Promise<T>): Promise<T> {
    this.ensureOpen();
    try {
      return await action();
    } catch (error) {
      throw toPortError(error, context);
    }
  }
}

/**
 * Reads a client stream into an array of what `pick` keeps, stopping at `limit`. Stopping early cancels
 * the gRPC call; merely abandoning the Node stream would leave the server sending.
 */
const collect = async <T>(
  read: StreamingRead<ResolvedEvent>,
  pick: (event: ClientRecordedEvent) => T | undefined,
  limit = Number.POSITIVE_INFINITY,
): Promise<T[]> => {
  const kept: T[] = [];
  let stoppedEarly = false;
  try {
    for await (const resolved of read) {
      const picked = resolved.event ? pick(resolved.event) : undefined;
      if (picked !== undefined) kept.push(picked);
      if (kept.length >= limit) {
        stoppedEarly = true;
        break;
      }
    }
  } finally {
    if (stoppedEarly) await read.cancel();
  }
  return kept;
};
