import { InMemoryReadStore, type ReadDocument } from '@practice/read-store';
import type { RecordedEvent } from '@practice/events';
import { defineProjection } from '../projection';
import { applyBatch } from './apply-batch';
import { documentAt, TOMBSTONES, tombstoneId } from './document-at';

interface Counter extends ReadDocument {
  readonly practiceId: string;
  readonly ticks: number;
}
const counters = defineProjection<Counter>({
  name: 'counters',
  indexes: [],
  documentIds: (event) => [(event.data as { id: string }).id],
  handlers: {
    Ticked: (doc, _event, id) => ({ _id: id, practiceId: 'p-1', ticks: (doc?.ticks ?? 0) + 1 }),
    Reset: () => null,
  },
});

const at = (position: number, type: string, id: string): RecordedEvent => ({
  type,
  data: { id },
  streamId: `counter-${id}`,
  revision: position,
  position,
  metadata: {
    eventId: `e-${position}`,
    schemaVersion: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    actorUserId: 'u',
    practiceId: 'p-1',
    correlationId: 'c',
    causationId: null,
    commandType: 'Tick',
  },
});

describe('documentAt: a document as it stood at a log position', () => {
  const log = [at(1, 'Ticked', 'a'), at(2, 'Ticked', 'b'), at(3, 'Ticked', 'a'), at(5, 'Ticked', 'a'), at(7, 'Reset', 'a')];

  it('folds only the events up to the position, and carries the position of the last one folded', () => {
    expect(documentAt(counters, log, 'a', 4)).toEqual({ _id: 'a', _position: 3, practiceId: 'p-1', ticks: 2 });
    expect(documentAt(counters, log, 'a', 6)).toMatchObject({ ticks: 3, _position: 5 });
  });

  it('is null before the document existed and after it was deleted', () => {
    expect(documentAt(counters, log, 'a', 0)).toBeNull();
    expect(documentAt(counters, log, 'a', 7)).toBeNull();
    expect(documentAt(counters, log, 'c', 9)).toBeNull();
  });

  it('leaves out the events of other documents', () => {
    expect(documentAt(counters, log, 'b', 9)).toMatchObject({ ticks: 1, _position: 2 });
  });
});

describe('Tombstones of deleted documents', () => {
  it('notes the read model, the document, its practice and the position of the deletion; the same batch twice changes nothing', async () => {
    const store = new InMemoryReadStore();
    const collection = store.collection('counters');
    const tombstones = store.collection(TOMBSTONES);
    await applyBatch(counters, collection, [at(1, 'Ticked', 'a'), at(2, 'Ticked', 'b')], undefined, tombstones);
    await applyBatch(counters, collection, [at(3, 'Reset', 'a')], undefined, tombstones);
    await applyBatch(counters, collection, [at(3, 'Reset', 'a')], undefined, tombstones);
    expect(await collection.get('a')).toBeNull();
    expect(await tombstones.find({})).toEqual([
      { _id: tombstoneId('counters', 'a'), _position: 3, readModel: 'counters', documentId: 'a', practiceId: 'p-1' },
    ]);
  });

  it('notes a document created and deleted within one batch (a rebuild replays both at once)', async () => {
    const store = new InMemoryReadStore();
    await applyBatch(counters, store.collection('counters'), [at(1, 'Ticked', 'a'), at(2, 'Reset', 'a')], undefined, store.collection(TOMBSTONES));
    expect(await store.collection(TOMBSTONES).find({})).toEqual([
      { _id: tombstoneId('counters', 'a'), _position: 2, readModel: 'counters', documentId: 'a', practiceId: 'p-1' },
    ]);
  });

  it('notes nothing for a delete of a document that never existed', async () => {
    const store = new InMemoryReadStore();
    await applyBatch(counters, store.collection('counters'), [at(1, 'Reset', 'z')], undefined, store.collection(TOMBSTONES));
    expect(await store.collection(TOMBSTONES).find({})).toEqual([]);
  });
});
