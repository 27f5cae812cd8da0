import { InMemoryReadStore } from './in-memory-read-store';
import type { ReadDocument } from '../read-store.port';

const names = new Set(['clients', 'tags']);

const filled = async (): Promise<InMemoryReadStore> => {
  const store = new InMemoryReadStore();
  const clients = store.collection('clients');
  await clients.ensureIndexes([{ name: 'practice_name', keys: { practiceId: 1, lastName: 1 } }, { name: 'email', keys: { email: 1 }, unique: true }]);
  await clients.bulkWrite(
    Array.from({ length: 300 }, (_, i) => ({ kind: 'put' as const, doc: { _id: `c${i}`, practiceId: `p${i % 3}`, lastName: `L${i % 7}`, email: `c${i}@example.com` }, position: i })),
  );
  await store.collection('tags').ensureIndexes([{ name: 'practice', keys: { practiceId: 1, name: 1 } }]);
  await store.collection('tags').bulkWrite([{ kind: 'put', doc: { _id: 't1', practiceId: 'p1', name: 'Anxiety' }, position: 3 }]);
  return store;
};

const loaded = async (): Promise<InMemoryReadStore> => {
  const store = new InMemoryReadStore();
  store.importSnapshot((await filled()).exportSnapshot(names));
  return store;
};

const page = { sort: { lastName: 1 as const, _id: 1 as const }, limit: 20 };

describe('indexes of a loaded snapshot, built before their first use', () => {
  it('answers a query through its index as the original store does, before any background build', async () => {
    const original = await filled();
    const store = await loaded();
    expect(store.collection('clients').explain({ practiceId: 'p1' }, page)).toMatchObject({ index: 'practice_name', sorted: true });
    expect(await store.collection('clients').find({ practiceId: 'p1' }, page)).toEqual(await original.collection('clients').find({ practiceId: 'p1' }, page));
  });

  it('keeps a unique index true for a write before any read', async () => {
    const store = await loaded();
    await expect(store.collection('clients').bulkWrite([{ kind: 'put', doc: { _id: 'new', email: 'c1@example.com' }, position: 400 }])).rejects.toThrow(/duplicate/i);
    await store.collection('clients').bulkWrite([{ kind: 'delete', id: 'c1', position: 401 }]);
    await store.collection('clients').bulkWrite([{ kind: 'put', doc: { _id: 'new', practiceId: 'p1', lastName: 'A', email: 'c1@example.com' }, position: 402 }]);
    const first = await store.collection<ReadDocument>('clients').find({ practiceId: 'p1' }, page);
    expect(first[0]._id).toBe('new');
  });

  it('refuses an index of the same name with other keys, and accepts the same one again', async () => {
    const store = await loaded();
    await expect(store.collection('clients').ensureIndexes([{ name: 'practice_name', keys: { practiceId: 1 } }])).rejects.toThrow(/practice_name/);
    await store.collection('clients').ensureIndexes([{ name: 'practice_name', keys: { practiceId: 1, lastName: 1 } }]);
    expect(store.collection('clients').explain({ practiceId: 'p2' }, page).index).toBe('practice_name');
  });

  it('builds them one per call until none is left, with the same answers', async () => {
    const original = await filled();
    const store = await loaded();
    let built = 0;
    while (store.buildDeferredIndex()) built += 1;
    expect(built).toBe(3);
    expect(store.buildDeferredIndex()).toBe(false);
    expect(await store.collection('tags').find({ practiceId: 'p1' }, { sort: { name: 1 } })).toEqual(await original.collection('tags').find({ practiceId: 'p1' }, { sort: { name: 1 } }));
    expect(await store.collection('clients').find({ practiceId: 'p0' }, page)).toEqual(await original.collection('clients').find({ practiceId: 'p0' }, page));
  });

  it('a snapshot of a loaded store holds every index, built or not', async () => {
    const store = await loaded();
    const again = new InMemoryReadStore();
    again.importSnapshot(store.exportSnapshot(names));
    expect(again.exportSnapshot(names).collections.map((c) => c.indexes.map((i) => i.name))).toEqual([['practice_name', 'email'], ['practice']]);
  });
});
