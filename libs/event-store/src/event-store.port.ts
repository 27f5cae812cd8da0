import type { NewEvent, RecordedEvent } from '@practice/events';

/**
 * The event store port. Adapters: SQLite (embedded default) and EventStoreDB (production).
 * Every adapter runs the same contract suite in test/contract.
 */

/** `any`: no check; `no_stream`: the stream must not exist; `stream_exists`; a number: the stream's last revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event now in the stream (pass it as the next expected revision). */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event: the consistency token for read-your-writes. */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; forwards defaults to 0, backwards to the end. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

/** Server-side filter: a stream category (`chart`) or an event type list. Both given: either matches. */
export interface EventFilter {
  readonly streamCategories?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted: from the very start. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive: the checkpoint, the position of the last event already handled. Omitted: from the start. */
  readonly after?: number;
  readonly filter?: EventFilter;
  /** The most events handed to the handler at once. */
  readonly maxBatchSize?: number;
}

/**
 * Handles a batch of events in log order. The subscription does not deliver the next batch until the
 * promise settles; if it rejects, the subscription stops and reports the error to `onError`.
 */
export type BatchHandler = (events: readonly SubscribedEvent[]) => Promise<void>;

export interface Subscription {
  /** Resolves once the subscription has delivered everything up to the head of the log at least once. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

export interface SubscriptionCallbacks {
  readonly onEvents: BatchHandler;
  /** A fatal error (the handler failed, or the connection could not be re-established). */
  readonly onError?: (error: unknown) => void;
}

export interface EventStore {
  /**
   * Appends atomically. Idempotent: appending events whose ids are already the stream's events at the
   * same expected revision appends nothing and answers as the first append did.
   * Resolves only once the events are durable.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** The events of a stream; an empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The whole log (or a filtered view of it) in order of position. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up from `after`, then live. */
  subscribeToAll(options: SubscribeOptions, callbacks: SubscriptionCallbacks): Subscription;
  /** The position of the last event in the log, or -1 when it is empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The port's errors. Adapters map every client library error onto these.
// ---------------------------------------------------------------------------------------------

export class WrongExpectedRevisionError extends Error {
  readonly code = 'WrongExpectedRevision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current last revision, -1 when the stream does not exist, undefined when unknown. */
    readonly actual: number | undefined,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamDeletedError extends Error {
  readonly code = 'StreamDeleted';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} is deleted`);
    this.name = 'StreamDeletedError';
  }
}

export { InvalidEventError } from '@practice/events';

/** The store could not be reached or failed; the append may or may not have happened. */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EventStoreUnavailable';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

// ---------------------------------------------------------------------------------------------
// Schema checks at the edge. The codec comes from libs/events; adapters call it, they do not know it.
// ---------------------------------------------------------------------------------------------

export interface EventCodec {
  /** Throws InvalidEventError when the event does not match its type's current schema. */
  checkOnAppend(event: NewEvent): void;
  /** Upcasts an old schema version to the current one and checks it; throws InvalidEventError. */
  decodeOnRead(event: RecordedEvent): RecordedEvent;
}

/** A codec that checks nothing, for adapters' contract tests of the storage itself. */
export const passThroughCodec: EventCodec = {
  checkOnAppend: () => undefined,
  decodeOnRead: (event) => event,
};

/**
 * Subscriptions never throw on a malformed event (that would stop every projection behind it):
 * they deliver it with the reason, and the projector parks it.
 */
export type SubscribedEvent = RecordedEvent & { readonly invalidReason?: string };
