import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@practice/event-store';
import { InMemoryReadStore, type ReadCollection, type ReadDocument, type ReadStore } from '@practice/read-store';
import type { NewEvent, RecordedEvent } from '@practice/events';
import { defineProjection } from '../projection';
import { applyBatch, applyBatchNow, relevantEvents } from './apply-batch';
import { TOMBSTONES } from './document-at';
import { PARKED_EVENTS, Projector } from './projector';

// A counter read model: how many `Ticked` events each stream had. Counting makes a double
// application visible at once.
interface Counter extends ReadDocument {
  readonly ticks: number;
}
const counters = defineProjection<Counter>({
  name: 'counters',
  indexes: [],
  documentIds: (event) => [event.streamId],
  handlers: {
    Ticked: (doc, _event, id) => ({ _id: id, ticks: (doc?.ticks ?? 0) + 1 }),
    Reset: () => null,
  },
});

const tick = (type = 'Ticked'): NewEvent => ({
  type,
  data: {},
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    actorUserId: 'u',
    practiceId: 'p',
    correlationId: 'c',
    causationId: null,
    commandType: 'Tick',
  },
});

const eventually = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 500; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not met');
};

/**
 * The same in-memory store reached through the port's promises only (as the MongoDB store is): the
 * projector then takes its awaited path instead of the synchronous pass the in-memory store offers.
 */
const throughPromises = (store: ReadStore): ReadStore => ({
  collection: <TDoc extends ReadDocument>(name: string): ReadCollection<TDoc> => {
    const inner = store.collection<TDoc>(name);
    return {
      get: (id) => inner.get(id),
      getMany: (ids) => inner.getMany(ids),
      find: (filter, options) => inner.find(filter, options),
      count: (filter) => inner.count(filter),
      bulkWrite: (ops) => inner.bulkWrite(ops),
      ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
      drop: () => inner.drop(),
    };
  },
  getCheckpoint: (projection) => store.getCheckpoint(projection),
  setCheckpoint: (projection, position) => store.setCheckpoint(projection, position),
  listCollections: () => store.listCollections(),
  close: () => store.close(),
});

describe.each([
  ['the in-memory store (one synchronous pass)', false],
  ['a store reached through promises only (the MongoDB path)', true],
])('Projector on %s', (_store, awaited) => {
  let events: SqliteEventStore;
  let readStore: InMemoryReadStore;
  const projectorStore = (): ReadStore => (awaited ? throughPromises(readStore) : readStore);

  beforeEach(() => {
    events = new SqliteEventStore({ filename: ':memory:' });
    readStore = new InMemoryReadStore();
  });

  afterEach(async () => {
    await events.close();
    await readStore.close();
  });

  it('catches up from the start, then follows live appends, and moves its checkpoint', async () => {
    await events.appendToStream('s-a', [tick(), tick()], { expectedRevision: 'no_stream' });
    const projector = new Projector(events, projectorStore(), [counters]);
    await projector.start();
    expect((await readStore.collection<Counter>('counters').get('s-a'))?.ticks).toBe(2);

    const { position } = await events.appendToStream('s-a', [tick()], { expectedRevision: 1 });
    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect((await readStore.collection<Counter>('counters').get('s-a'))?.ticks).toBe(3);
    expect(await readStore.getCheckpoint('counters')).toBe(position);
    await projector.stop();
  });

  it('resumes from its checkpoint without applying anything twice', async () => {
    await events.appendToStream('s-b', [tick(), tick(), tick()], { expectedRevision: 'any' });
    const first = new Projector(events, projectorStore(), [counters]);
    await first.start();
    await first.stop();

    await events.appendToStream('s-b', [tick()], { expectedRevision: 'any' });
    const second = new Projector(events, projectorStore(), [counters]);
    await second.start();
    expect((await readStore.collection<Counter>('counters').get('s-b'))?.ticks).toBe(4);
    await second.stop();
  });

  it('changes nothing when a batch is applied twice (a crash between the writes and the checkpoint)', async () => {
    await events.appendToStream('s-c', [tick(), tick()], { expectedRevision: 'any' });
    const batch: RecordedEvent[] = await events.readAll();
    const collection = readStore.collection('counters');
    await applyBatch(counters, collection, batch);
    const once = await collection.get('s-c');
    await applyBatch(counters, collection, batch);
    expect(await collection.get('s-c')).toEqual(once);
    expect((once as Counter).ticks).toBe(2);
  });

  it('deletes a document and does not resurrect it when the batch is replayed', async () => {
    await events.appendToStream('s-d', [tick(), tick('Reset')], { expectedRevision: 'any' });
    const batch = await events.readAll();
    const collection = readStore.collection('counters');
    await applyBatch(counters, collection, batch);
    await applyBatch(counters, collection, batch);
    expect(await collection.get('s-d')).toBeNull();
  });

  it('folds a batch in one synchronous pass as the awaited fold does, and changes nothing the second time', async () => {
    await events.appendToStream('s-e', [tick(), tick(), tick('Reset'), tick()], { expectedRevision: 'any' });
    const batch = await events.readAll();
    const awaitedStore = new InMemoryReadStore();
    await applyBatch(counters, awaitedStore.collection('counters'), batch, undefined, awaitedStore.collection(TOMBSTONES));
    const collection = readStore.collection('counters');
    expect(applyBatchNow(counters, collection, relevantEvents(counters, batch), undefined, readStore.collection(TOMBSTONES))).toBe(1);
    // The replay writes nothing: every event is at or below the document's position.
    expect(applyBatchNow(counters, collection, relevantEvents(counters, batch), undefined, readStore.collection(TOMBSTONES))).toBe(0);
    expect(await collection.get('s-e')).toEqual(await awaitedStore.collection('counters').get('s-e'));
    expect((await collection.get('s-e'))?.ticks).toBe(1);
    await awaitedStore.close();
  });

  it('parks an event that fails its schema, with the reason, and goes on', async () => {
    const strict = new SqliteEventStore({
      filename: ':memory:',
      codec: {
        checkOnAppend: () => undefined,
        decodeOnRead: (event) => {
          if (event.type === 'Broken') throw new Error('Broken is not a known event');
          return event;
        },
      },
    });
    try {
      await strict.appendToStream('s-e', [tick(), tick('Broken'), tick()], { expectedRevision: 'any' });
      const projector = new Projector(strict, readStore, [counters]);
      await projector.start();
      await eventually(async () => projector.status().parked === 1);
      expect((await readStore.collection<Counter>('counters').get('s-e'))?.ticks).toBe(2);
      const parked = await readStore.collection(PARKED_EVENTS).find({});
      expect(parked).toEqual([expect.objectContaining({ type: 'Broken', streamId: 's-e', reason: expect.stringContaining('Broken') })]);
      await projector.stop();
    } finally {
      await strict.close();
    }
  });

  describe('when a projection throws on an event', () => {
    // Throws on the event whose data says so; counts the others.
    const fragile = defineProjection<Counter>({
      name: 'fragile',
      indexes: [],
      documentIds: (event) => [event.streamId],
      handlers: {
        Ticked: (doc, event, id) => {
          if ((event.data as { poison?: boolean }).poison) throw new TypeError('cannot read ticks of undefined');
          return { _id: id, ticks: (doc?.ticks ?? 0) + 1 };
        },
      },
    });
    const poison = (): NewEvent => ({ ...tick(), data: { poison: true } });

    it('parks the event with its reason, applies the later events and moves the checkpoint', async () => {
      await events.appendToStream('s-f', [tick(), poison(), tick()], { expectedRevision: 'no_stream' });
      const projector = new Projector(events, projectorStore(), [fragile, counters]);
      await projector.start();
      const head = await events.headPosition();
      expect((await readStore.collection<Counter>('fragile').get('s-f'))?.ticks).toBe(2);
      expect((await readStore.collection<Counter>('counters').get('s-f'))?.ticks).toBe(3);
      expect(await readStore.getCheckpoint('fragile')).toBe(head);
      const parked = await readStore.collection(PARKED_EVENTS).find({});
      expect(parked).toEqual([
        expect.objectContaining({ streamId: 's-f', revision: 1, type: 'Ticked', projection: 'fragile', reason: 'TypeError: cannot read ticks of undefined' }),
      ]);
      expect(projector.status()).toMatchObject({ parked: 1, running: true });
      expect(projector.status().stopped).toBeUndefined();

      // Live events after it go on too.
      const { position } = await events.appendToStream('s-f', [tick()], { expectedRevision: 2 });
      expect(await projector.waitFor(position, 5000)).toBe(true);
      expect((await readStore.collection<Counter>('fragile').get('s-f'))?.ticks).toBe(3);
      await projector.stop();
    });

    it('parks it once when the batch is replayed', async () => {
      await events.appendToStream('s-g', [poison(), tick()], { expectedRevision: 'no_stream' });
      const first = new Projector(events, projectorStore(), [fragile]);
      await first.start();
      await first.stop();
      await readStore.setCheckpoint('fragile', -1);
      const again = new Projector(events, projectorStore(), [fragile]);
      await again.start();
      expect(await readStore.collection(PARKED_EVENTS).count({})).toBe(1);
      expect((await readStore.collection<Counter>('fragile').get('s-g'))?.ticks).toBe(1);
      await again.stop();
    });
  });

  it('says why it stopped when the read store fails, and reports it', async () => {
    await events.appendToStream('s-h', [tick()], { expectedRevision: 'no_stream' });
    const errors: unknown[] = [];
    const projector = new Projector(events, projectorStore(), [counters], { onError: (error) => errors.push(error) });
    await projector.start();
    const failing = readStore.setCheckpoint.bind(readStore);
    readStore.setCheckpoint = async () => {
      throw new Error('read store unreachable');
    };
    await events.appendToStream('s-h', [tick()], { expectedRevision: 0 });
    await eventually(async () => projector.status().stopped !== undefined);
    expect(projector.status()).toMatchObject({ running: false, stopped: { reason: 'Error: read store unreachable', at: expect.any(String) } });
    expect(errors).toHaveLength(1);
    readStore.setCheckpoint = failing;
  });

  it('answers false when a position is not reached in time', async () => {
    const projector = new Projector(events, projectorStore(), [counters]);
    await projector.start();
    expect(await projector.waitFor(10_000, 20)).toBe(false);
    await projector.stop();
  });
});

describe('Projector catching up from far behind (an in-memory store)', () => {
  // Counters by stream, indexed by count: the index must answer right during and after the load.
  const indexed = { ...counters, indexes: [{ name: 'ticks', keys: { ticks: 1 as const } }] };
  let events: SqliteEventStore;
  let readStore: InMemoryReadStore;

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:' });
    readStore = new InMemoryReadStore();
    for (const stream of ['s-1', 's-2', 's-3']) await events.appendToStream(stream, [tick(), tick(), tick()], { expectedRevision: 'no_stream' });
  });

  afterEach(async () => {
    await events.close();
    await readStore.close();
  });

  it('loads in bulk from bulkLoadFrom events behind the head, ends the load once caught up, and keeps the indexes on every write after', async () => {
    const begin = jest.spyOn(readStore, 'beginBulkLoad');
    const end = jest.spyOn(readStore, 'endBulkLoad');
    const projector = new Projector(events, readStore, [indexed], { bulkLoadFrom: 9 });
    await projector.start();
    expect(begin).toHaveBeenCalledTimes(1);
    expect(end).toHaveBeenCalledTimes(1);
    const counters = readStore.collection<Counter>('counters');
    expect((await counters.find({ ticks: 3 }, { sort: { _id: 1 } })).map((doc) => doc._id)).toEqual(['s-1', 's-2', 's-3']);
    const { position } = await events.appendToStream('s-2', [tick()], { expectedRevision: 2 });
    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect((await counters.find({ ticks: 4 })).map((doc) => doc._id)).toEqual(['s-2']);
    expect(counters.explain({ ticks: 4 }).index).toBe('ticks');
    await projector.stop();
  });

  it('does not load in bulk when fewer events than bulkLoadFrom are behind', async () => {
    const begin = jest.spyOn(readStore, 'beginBulkLoad');
    const projector = new Projector(events, readStore, [indexed], { bulkLoadFrom: 10 });
    await projector.start();
    expect(begin).not.toHaveBeenCalled();
    expect((await readStore.collection<Counter>('counters').find({ ticks: 3 })).map((doc) => doc._id).sort()).toEqual(['s-1', 's-2', 's-3']);
    await projector.stop();
  });
});
