import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@practice/events';
import type {
  EventStore,
  SubscribeOptions,
  SubscribedEvent,
  Subscription,
} from '@practice/event-store';

/*
 * Helpers for the EventStore contract. The suite also runs against a shared real server over the
 * network, so names are unique per test and waiting is done by polling with a generous timeout.
 */

/** A category nobody else uses: no dash (the category ends at the first one), unique per call. */
export const uniqueCategory = (prefix = 'contract'): string => `${prefix}${randomUUID().replace(/-/g, '')}`;

export const streamIn = (category: string): string => `${category}-${randomUUID()}`;

/** An event type nobody else appends, so type filters see only this test's events. */
export const uniqueType = (name: string): string => `${name}${randomUUID().replace(/-/g, '').slice(0, 12)}`;

export const newEvent = (type: string, data: unknown = {}): NewEvent => ({
  type,
  data,
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    occurredAt: '2024-05-01T10:00:00.000Z',
    actorUserId: randomUUID(),
    practiceId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    commandType: 'ContractTest',
  },
});

export const eventsOfType = (type: string, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

export const idsOf = (events: readonly (NewEvent | RecordedEvent)[]): string[] =>
  events.map((event) => event.metadata.eventId);

export const positionsOf = (events: readonly RecordedEvent[]): number[] => events.map((event) => event.position);

export const isStrictlyIncreasing = (values: readonly number[]): boolean =>
  values.every((value, index) => index === 0 || value > (values[index - 1] ?? Number.NEGATIVE_INFINITY));

/** Only the events of the given streams, for assertions over a log other tests may be writing to. */
export const onlyStreams = <E extends RecordedEvent>(events: readonly E[], streamIds: readonly string[]): E[] =>
  events.filter((event) => streamIds.includes(event.streamId));

/** Polls until the condition holds; fails with the description when the timeout passes. */
export const waitUntil = async (condition: () => boolean, description: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** The rejection reason of a promise that must reject. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, it resolved');
};

/** A subscription that records every batch it is handed. */
export interface Recorder {
  readonly subscription: Subscription;
  readonly received: SubscribedEvent[];
  readonly batches: SubscribedEvent[][];
  readonly errors: unknown[];
}

export const record = (
  store: EventStore,
  options: SubscribeOptions,
  beforeEachBatch: (batch: readonly SubscribedEvent[]) => Promise<void> = async () => undefined,
): Recorder => {
  const received: SubscribedEvent[] = [];
  const batches: SubscribedEvent[][] = [];
  const errors: unknown[] = [];
  const subscription = store.subscribeToAll(options, {
    onEvents: async (batch) => {
      batches.push([...batch]);
      await beforeEachBatch(batch);
      received.push(...batch);
    },
    onError: (error) => errors.push(error),
  });
  return { subscription, received, batches, errors };
};

/** Waits until the recorder has seen the given event id (a sentinel appended after the events of interest). */
export const waitForEventId = (recorder: Recorder, eventId: string): Promise<void> =>
  waitUntil(() => recorder.received.some((event) => event.metadata.eventId === eventId), `event ${eventId} arrives`);
