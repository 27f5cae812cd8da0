import { type EventStore, WrongExpectedRevisionError } from '@practice/event-store';
import type { NewEvent } from '@practice/events';
import {
  eventsOfType,
  idsOf,
  isStrictlyIncreasing,
  newEvent,
  onlyStreams,
  positionsOf,
  rejectionOf,
  streamIn,
  uniqueCategory,
  uniqueType,
} from './event-store-contract.helpers';
import { describeLogContract } from './event-store-log.contract';
import { describeSubscriptionContract } from './event-store-subscription.contract';

/**
 * The behaviour every EventStore adapter owes its callers. It also runs against a shared real server,
 * so each test writes to its own streams, categories and event types, never assumes the log is empty,
 * and states positions relative to what it observed.
 */
export function eventStoreContract(
  label: string,
  factory: () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>,
): void {
  describe(`EventStore contract: ${label}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });

    afterEach(async () => {
      await cleanup();
    });

    const expectConflict = async (
      append: Promise<unknown>,
      expected: { streamId: string; expected: unknown; actual: number },
    ): Promise<void> => {
      const error = await rejectionOf(append);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject(expected);
    };

    describe('appending with an expected revision', () => {
      it('creates a stream with no_stream, answering its last revision and its last event position', async () => {
        const stream = streamIn(uniqueCategory());
        const before = await store.headPosition();
        const events = eventsOfType('ThingHappened', 3);

        const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });

        expect(result.nextExpectedRevision).toBe(2);
        expect(result.position).toBeGreaterThan(before);
        const stored = await store.readStream(stream);
        expect(idsOf(stored)).toEqual(idsOf(events));
        expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
        expect(stored.map((event) => event.streamId)).toEqual([stream, stream, stream]);
        expect(stored[2]?.position).toBe(result.position);
      });

      it('refuses no_stream when the stream exists, reporting its last revision', async () => {
        const stream = streamIn(uniqueCategory());
        await store.appendToStream(stream, eventsOfType('ThingHappened', 2), { expectedRevision: 'no_stream' });

        const append = store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
        await expectConflict(append, { streamId: stream, expected: 'no_stream', actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('appends when the exact revision matches the last one', async () => {
        const stream = streamIn(uniqueCategory());
        const first = await store.appendToStream(stream, [newEvent('ThingHappened')], {
          expectedRevision: 'no_stream',
        });

        const second = await store.appendToStream(stream, eventsOfType('ThingHappened', 2), {
          expectedRevision: first.nextExpectedRevision,
        });

        expect(second.nextExpectedRevision).toBe(2);
        expect(second.position).toBeGreaterThan(first.position);
      });

      it('refuses a stale exact revision with the actual one and appends nothing', async () => {
        const stream = streamIn(uniqueCategory());
        await store.appendToStream(stream, eventsOfType('ThingHappened', 2), { expectedRevision: 'no_stream' });

        await expectConflict(store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 0 }), {
          streamId: stream,
          expected: 0,
          actual: 1,
        });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses an exact revision on a missing stream with actual -1', async () => {
        const stream = streamIn(uniqueCategory());

        await expectConflict(store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 0 }), {
          streamId: stream,
          expected: 0,
          actual: -1,
        });
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('appends with stream_exists only to an existing stream', async () => {
        const stream = streamIn(uniqueCategory());
        await expectConflict(
          store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'stream_exists' }),
          { streamId: stream, expected: 'stream_exists', actual: -1 },
        );

        await store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(stream, [newEvent('ThingHappened')], {
          expectedRevision: 'stream_exists',
        });

        expect(result.nextExpectedRevision).toBe(1);
      });

      it('appends with any to a missing and to an existing stream', async () => {
        const stream = streamIn(uniqueCategory());

        const first = await store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'any' });
        const second = await store.appendToStream(stream, eventsOfType('ThingHappened', 2), {
          expectedRevision: 'any',
        });

        expect(first.nextExpectedRevision).toBe(0);
        expect(second.nextExpectedRevision).toBe(2);
      });

      it('lets exactly one of two concurrent creations of a stream win', async () => {
        const stream = streamIn(uniqueCategory());
        const outcomes = await Promise.allSettled([
          store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' }),
          store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' }),
        ]);

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const loser = outcomes.find((outcome) => outcome.status === 'rejected');
        expect(loser?.status === 'rejected' && loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('retrying an append with the same event ids', () => {
      it('appends nothing twice and answers as the first append did (no_stream)', async () => {
        const stream = streamIn(uniqueCategory());
        const events = eventsOfType('ThingHappened', 2);
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });

        const retry = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });

        expect(retry).toEqual(first);
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(events));
      });

      it('appends nothing twice and answers as the first append did (exact revision)', async () => {
        const stream = streamIn(uniqueCategory());
        await store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
        const events = eventsOfType('ThingHappened', 2);
        const first = await store.appendToStream(stream, events, { expectedRevision: 0 });

        const retry = await store.appendToStream(stream, events, { expectedRevision: 0 });

        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('appends nothing twice and answers as the first append did (any)', async () => {
        const stream = streamIn(uniqueCategory());
        const events = [newEvent('ThingHappened')];
        const first = await store.appendToStream(stream, events, { expectedRevision: 'any' });
        await store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'any' });

        const retry = await store.appendToStream(stream, events, { expectedRevision: 'any' });

        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses an append whose event ids are only partly stored', async () => {
        const stream = streamIn(uniqueCategory());
        await store.appendToStream(stream, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
        const stored = newEvent('ThingHappened');
        await store.appendToStream(stream, [stored], { expectedRevision: 0 });

        const retry = store.appendToStream(stream, [stored, newEvent('ThingHappened')], { expectedRevision: 0 });
        await expectConflict(retry, { streamId: stream, expected: 0, actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('reading a stream', () => {
      let stream: string;
      let events: NewEvent[];

      beforeEach(async () => {
        stream = streamIn(uniqueCategory());
        events = eventsOfType('ThingHappened', 5);
        await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      });

      const revisions = async (options: Parameters<EventStore['readStream']>[1]): Promise<number[]> =>
        (await store.readStream(stream, options)).map((event) => event.revision);

      it('reads forwards from the start by default, positions increasing', async () => {
        const read = await store.readStream(stream);
        expect(read.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(isStrictlyIncreasing(positionsOf(read))).toBe(true);
      });

      it('reads forwards from a revision, inclusive, up to maxCount', async () => {
        expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
        expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
        expect(await revisions({ fromRevision: 5 })).toEqual([]);
      });

      it('reads backwards from the end by default, or from a revision, up to maxCount', async () => {
        expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await revisions({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
        expect(await revisions({ direction: 'backwards', maxCount: 1 })).toEqual([4]);
      });

      it('reads a missing stream as an empty list', async () => {
        expect(await store.readStream(streamIn(uniqueCategory()))).toEqual([]);
        expect(await store.readStream(streamIn(uniqueCategory()), { direction: 'backwards' })).toEqual([]);
      });

      it('returns type, data and metadata exactly as appended', async () => {
        const read = await store.readStream(stream);
        expect(read.map(({ type, data, metadata }) => ({ type, data, metadata }))).toEqual(events);
      });
    });

    describeLogContract(() => store);

    describe('metadata and data', () => {
      it('round-trip intact through readStream, readAll and subscriptions', async () => {
        const category = uniqueCategory();
        const stream = streamIn(category);
        const before = await store.headPosition();
        const base = newEvent('ChartOpened', {
          name: { first: 'Zoë', last: "O'Brien-Ñúñez" },
          tags: ['sliding-scale', '🙂'],
          sessions: 12,
          ratio: 0.25,
          active: true,
          notes: null,
          nested: [{ a: [1, 2, { b: 'c' }] }],
        });
        const event: NewEvent = {
          ...base,
          metadata: { ...base.metadata, actorUserId: null, practiceId: null, causationId: 'cause-1', schemaVersion: 3 },
        };
        await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });

        const strip = ({ type, data, metadata }: NewEvent): NewEvent => ({ type, data, metadata });
        expect((await store.readStream(stream)).map(strip)).toEqual([event]);
        expect((await store.readAll({ after: before, filter: { streamCategories: [category] } })).map(strip)).toEqual([
          event,
        ]);
        const received: NewEvent[] = [];
        const subscription = store.subscribeToAll(
          { after: before, filter: { streamCategories: [category] } },
          { onEvents: async (batch) => void received.push(...batch.map(strip)) },
        );
        await subscription.caughtUp;
        await subscription.stop();
        expect(received).toEqual([event]);
      });
    });

    describeSubscriptionContract(() => store);
  });
}
