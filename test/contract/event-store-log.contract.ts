import type { EventStore } from '@practice/event-store';
import type { NewEvent } from '@practice/events';
import {
  eventsOfType,
  idsOf,
  isStrictlyIncreasing,
  newEvent,
  onlyStreams,
  positionsOf,
  streamIn,
  uniqueCategory,
  uniqueType,
} from './event-store-contract.helpers';

/**
 * readAll and headPosition, as part of the EventStore contract. Other writers may share the log, so
 * every expectation is relative to a position observed first, and filters use names unique to the test.
 */
export const describeLogContract = (currentStore: () => EventStore): void => {
  describe('the whole log', () => {
    let store: EventStore;

    beforeEach(() => {
      store = currentStore();
    });

    it('gives events of all streams strictly increasing positions, and a head at or past the last', async () => {
      const [a, b] = [streamIn(uniqueCategory()), streamIn(uniqueCategory())];
      const before = await store.headPosition();

      const first = await store.appendToStream(a, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
      const second = await store.appendToStream(b, [newEvent('ThingHappened')], { expectedRevision: 'no_stream' });
      const third = await store.appendToStream(a, [newEvent('ThingHappened')], { expectedRevision: 0 });

      expect(isStrictlyIncreasing([before, first.position, second.position, third.position])).toBe(true);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(third.position);
      const ours = onlyStreams(await store.readAll({ after: before }), [a, b]);
      expect(positionsOf(ours)).toEqual([first.position, second.position, third.position]);
    });

    it('reads the log after a position in order, never returning a position twice', async () => {
      const before = await store.headPosition();
      const stream = streamIn(uniqueCategory());
      await store.appendToStream(stream, eventsOfType('ThingHappened', 3), { expectedRevision: 'no_stream' });

      const all = await store.readAll({ after: before });

      expect(all.every((event) => event.position > before)).toBe(true);
      expect(isStrictlyIncreasing(positionsOf(all))).toBe(true);
      expect(onlyStreams(all, [stream]).map((event) => event.revision)).toEqual([0, 1, 2]);
    });

    describe('filtered', () => {
      let [catA, catB, catC] = ['', '', ''];
      let before: number;
      let e1: NewEvent, e2: NewEvent, e3: NewEvent, e4: NewEvent, e5: NewEvent;
      let [typeX, typeY, typeZ] = ['', '', ''];

      beforeEach(async () => {
        [catA, catB, catC] = [uniqueCategory('a'), uniqueCategory('b'), uniqueCategory('c')];
        [typeX, typeY, typeZ] = [uniqueType('X'), uniqueType('Y'), uniqueType('Z')];
        before = await store.headPosition();
        [e1, e2, e3, e4, e5] = [newEvent(typeX), newEvent(typeY), newEvent(typeX), newEvent(typeZ), newEvent(typeY)];
        await store.appendToStream(streamIn(catA), [e1, e2], { expectedRevision: 'no_stream' });
        await store.appendToStream(streamIn(catB), [e3, e4], { expectedRevision: 'no_stream' });
        await store.appendToStream(streamIn(catC), [e5], { expectedRevision: 'no_stream' });
      });

      const read = async (options: Parameters<EventStore['readAll']>[0]): Promise<string[]> =>
        idsOf(await store.readAll({ after: before, ...options }));

      it('by stream category', async () => {
        expect(await read({ filter: { streamCategories: [catA] } })).toEqual(idsOf([e1, e2]));
        expect(await read({ filter: { streamCategories: [catA, catC] } })).toEqual(idsOf([e1, e2, e5]));
      });

      it('by event type', async () => {
        expect(await read({ filter: { eventTypes: [typeX] } })).toEqual(idsOf([e1, e3]));
        expect(await read({ filter: { eventTypes: [typeY, typeZ] } })).toEqual(idsOf([e2, e4, e5]));
      });

      it('by category or event type when both are given', async () => {
        expect(await read({ filter: { streamCategories: [catB], eventTypes: [typeY] } })).toEqual(
          idsOf([e2, e3, e4, e5]),
        );
        // e1 matches both: it comes once.
        expect(await read({ filter: { streamCategories: [catA], eventTypes: [typeX] } })).toEqual(idsOf([e1, e2, e3]));
      });

      it('after a position (exclusive) and up to maxCount', async () => {
        const [first] = await store.readAll({ after: before, filter: { streamCategories: [catA] } });
        expect(first).toBeDefined();
        expect(await read({ after: first?.position, filter: { streamCategories: [catA] } })).toEqual(idsOf([e2]));
        expect(await read({ maxCount: 1, filter: { streamCategories: [catB] } })).toEqual(idsOf([e3]));
        expect(await read({ maxCount: 3, filter: { streamCategories: [catC, catB, catA] } })).toEqual(
          idsOf([e1, e2, e3]),
        );
      });
    });

    describe('head position', () => {
      it('moves to the position of the last appended event or beyond', async () => {
        const before = await store.headPosition();
        expect(before).toBeGreaterThanOrEqual(-1);

        const result = await store.appendToStream(streamIn(uniqueCategory()), eventsOfType('ThingHappened', 2), {
          expectedRevision: 'no_stream',
        });

        expect(result.position).toBeGreaterThan(before);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });
    });
  });
};
