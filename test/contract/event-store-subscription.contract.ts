import type { EventStore } from '@practice/event-store';
import type { NewEvent } from '@practice/events';
import {
  eventsOfType,
  idsOf,
  isStrictlyIncreasing,
  newEvent,
  onlyStreams,
  positionsOf,
  record,
  streamIn,
  type Recorder,
  uniqueCategory,
  uniqueType,
  waitForEventId,
  waitUntil,
} from './event-store-contract.helpers';

/**
 * subscribeToAll, as part of the EventStore contract: catch-up from a checkpoint, then live, in order,
 * each event exactly once. Negative claims ("nothing more arrived") are checked with a sentinel event
 * appended afterwards: once it has arrived, anything that was going to arrive before it has.
 */
export const describeSubscriptionContract = (currentStore: () => EventStore): void => {
  describe('subscribing to the whole log', () => {
    let store: EventStore;
    let recorders: Recorder[];

    beforeEach(() => {
      store = currentStore();
      recorders = [];
    });

    afterEach(async () => {
      await Promise.all(recorders.map((recorder) => recorder.subscription.stop()));
    });

    const subscribe = (...args: Parameters<typeof record>): Recorder => {
      const recorder = record(...args);
      recorders.push(recorder);
      return recorder;
    };

    const append = (streamId: string, events: readonly NewEvent[]) =>
      store.appendToStream(streamId, events, { expectedRevision: 'any' });

    it('catches up from a position, then delivers live events in order, each once', async () => {
      const category = uniqueCategory();
      const stream = streamIn(category);
      const before = await store.headPosition();
      const past = eventsOfType('ThingHappened', 3);
      await append(stream, past);

      const recorder = subscribe(store, { after: before, filter: { streamCategories: [category] } });
      await recorder.subscription.caughtUp;
      expect(idsOf(recorder.received)).toEqual(idsOf(past));

      const live = [newEvent('ThingHappened'), newEvent('ThingHappened'), newEvent('ThingHappened')];
      for (const event of live) await append(stream, [event]);
      const sentinel = newEvent('ThingHappened');
      await append(stream, [sentinel]);
      await waitForEventId(recorder, sentinel.metadata.eventId);

      expect(idsOf(recorder.received)).toEqual(idsOf([...past, ...live, sentinel]));
      expect(recorder.received.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(recorder.errors).toEqual([]);
    });

    it('delivers the unfiltered log in strictly increasing positions, including concurrent appends', async () => {
      const streams = [streamIn(uniqueCategory()), streamIn(uniqueCategory()), streamIn(uniqueCategory())];
      const before = await store.headPosition();
      const recorder = subscribe(store, { after: before });
      await recorder.subscription.caughtUp;

      const results = await Promise.all(streams.map((stream) => append(stream, eventsOfType('ThingHappened', 4))));
      const sentinel = newEvent('ThingHappened');
      await append(streams[0] ?? '', [sentinel]);
      await waitForEventId(recorder, sentinel.metadata.eventId);

      expect(isStrictlyIncreasing(positionsOf(recorder.received))).toBe(true);
      const ours = onlyStreams(recorder.received, streams);
      expect(ours).toHaveLength(13);
      for (const [index, stream] of streams.entries()) {
        const revisions = ours.filter((event) => event.streamId === stream).map((event) => event.revision);
        expect(revisions).toEqual(index === 0 ? [0, 1, 2, 3, 4] : [0, 1, 2, 3]);
        expect(ours.filter((event) => event.streamId === stream)[3]?.position).toBe(results[index]?.position);
      }
    });

    it('resumes from a checkpoint, delivering only later events', async () => {
      const category = uniqueCategory();
      const stream = streamIn(category);
      const events = eventsOfType('ThingHappened', 4);
      await append(stream, events);
      const [, second] = await store.readStream(stream);
      expect(second).toBeDefined();

      const recorder = subscribe(store, { after: second?.position, filter: { streamCategories: [category] } });
      await recorder.subscription.caughtUp;
      expect(idsOf(recorder.received)).toEqual(idsOf(events.slice(2)));

      const later = newEvent('ThingHappened');
      await append(stream, [later]);
      await waitForEventId(recorder, later.metadata.eventId);
      expect(idsOf(recorder.received)).toEqual(idsOf([...events.slice(2), later]));
    });

    it('delivers only the events of the filtered categories', async () => {
      const [wanted, other] = [uniqueCategory('wanted'), uniqueCategory('other')];
      const before = await store.headPosition();
      const recorder = subscribe(store, { after: before, filter: { streamCategories: [wanted] } });
      await recorder.subscription.caughtUp;

      const [w1, o1, w2, o2] = [newEvent('A'), newEvent('A'), newEvent('B'), newEvent('B')];
      const wantedStream = streamIn(wanted);
      await append(wantedStream, [w1]);
      await append(streamIn(other), [o1]);
      await append(wantedStream, [w2]);
      await append(streamIn(other), [o2]);
      const sentinel = newEvent('A');
      await append(streamIn(wanted), [sentinel]);
      await waitForEventId(recorder, sentinel.metadata.eventId);

      expect(idsOf(recorder.received)).toEqual(idsOf([w1, w2, sentinel]));
    });

    it('delivers only the events of the filtered types', async () => {
      const [wanted, other] = [uniqueType('Wanted'), uniqueType('Other')];
      const stream = streamIn(uniqueCategory());
      const before = await store.headPosition();
      const events = [newEvent(wanted), newEvent(other), newEvent(wanted), newEvent(other)];
      await append(stream, events);

      const recorder = subscribe(store, { after: before, filter: { eventTypes: [wanted] } });
      await recorder.subscription.caughtUp;

      expect(idsOf(recorder.received)).toEqual(idsOf([events[0] as NewEvent, events[2] as NewEvent]));
    });

    it('never hands over more than maxBatchSize events at once', async () => {
      const category = uniqueCategory();
      const before = await store.headPosition();
      const events = eventsOfType('ThingHappened', 7);
      await append(streamIn(category), events);

      const recorder = subscribe(store, { after: before, filter: { streamCategories: [category] }, maxBatchSize: 2 });
      await recorder.subscription.caughtUp;

      expect(idsOf(recorder.received)).toEqual(idsOf(events));
      expect(recorder.batches.every((batch) => batch.length >= 1 && batch.length <= 2)).toBe(true);
    });

    it('neither repeats nor skips events appended while a batch is being handled', async () => {
      const category = uniqueCategory();
      const stream = streamIn(category);
      const before = await store.headPosition();
      const early = eventsOfType('ThingHappened', 2);
      await append(stream, early);
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let handled = 0;
      const options = { after: before, filter: { streamCategories: [category] }, maxBatchSize: 3 };
      const recorder = subscribe(store, options, async () => {
        handled += 1;
        if (handled === 1) await gate;
      });
      await waitUntil(() => handled === 1, 'the first batch is being handled');

      const during = eventsOfType('ThingHappened', 5);
      for (const event of during) await append(stream, [event]);
      release();
      // No new append after the release: the commits made during the batch alone must bring these.
      await waitForEventId(recorder, during[during.length - 1]?.metadata.eventId ?? '');
      const sentinel = newEvent('ThingHappened');
      await append(stream, [sentinel]);
      await waitForEventId(recorder, sentinel.metadata.eventId);

      expect(idsOf(recorder.received)).toEqual(idsOf([...early, ...during, sentinel]));
    });

    it('stops on a failing handler and reports the error', async () => {
      const category = uniqueCategory();
      const before = await store.headPosition();
      await append(streamIn(category), [newEvent('ThingHappened')]);
      const failure = new Error('projection failed');
      let calls = 0;
      const errors: unknown[] = [];
      store.subscribeToAll(
        { after: before, filter: { streamCategories: [category] } },
        {
          onEvents: async () => {
            calls += 1;
            throw failure;
          },
          onError: (error) => errors.push(error),
        },
      );
      await waitUntil(() => errors.length > 0, 'the failure is reported');

      const sentinel = newEvent('ThingHappened');
      await append(streamIn(category), [sentinel]);
      const witness = subscribe(store, { after: before, filter: { streamCategories: [category] } });
      await waitForEventId(witness, sentinel.metadata.eventId);

      expect(errors).toEqual([failure]);
      expect(calls).toBe(1);
    });

    it('delivers nothing after stop()', async () => {
      const category = uniqueCategory();
      const before = await store.headPosition();
      const stopped = subscribe(store, { after: before, filter: { streamCategories: [category] } });
      await stopped.subscription.caughtUp;
      await stopped.subscription.stop();

      const sentinel = newEvent('ThingHappened');
      await append(streamIn(category), [sentinel]);
      const witness = subscribe(store, { after: before, filter: { streamCategories: [category] } });
      await waitForEventId(witness, sentinel.metadata.eventId);

      expect(stopped.received).toEqual([]);
      expect(stopped.errors).toEqual([]);
    });
  });
};
