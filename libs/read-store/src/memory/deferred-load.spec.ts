import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReadStore } from './in-memory-read-store';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file';
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

/** The stores read from a file: closed after each test, which closes the file their frames are read from. */
const opened: InMemoryReadStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

const fromFile = async (original: InMemoryReadStore): Promise<InMemoryReadStore> => {
  const dir = mkdtempSync(join(tmpdir(), 'deferred-load-'));
  try {
    const file = join(dir, 'read-models.snapshot');
    await writeSnapshotFile(file, { version: 'v1', position: 400, writtenAt: '2026-12-01T04:00:00.000Z' }, original.exportSnapshot(names));
    const read = await readSnapshotFile(file, 'v1');
    if (read.kind !== 'loaded') throw new Error(read.kind);
    expect(read.docs).toBe(301);
    const store = new InMemoryReadStore();
    store.importSnapshot(read.store);
    opened.push(store);
    return store;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('the docs of a snapshot file, decoded at their collection\'s first use or step by step', () => {
  it('answers a get, a query and a count before any step, as the original store does', async () => {
    const original = await filled();
    const store = await fromFile(original);
    expect(await store.collection('clients').get('c299')).toEqual(await original.collection('clients').get('c299'));
    expect(await store.collection('tags').getMany(['t1'])).toEqual(await original.collection('tags').getMany(['t1']));
    expect(await store.collection('clients').find({ practiceId: 'p2' }, page)).toEqual(await original.collection('clients').find({ practiceId: 'p2' }, page));
    expect(await store.collection('clients').count({})).toBe(300);
  });

  it('decodes a frame per step (100 docs), then builds an index per step, with the same answers', async () => {
    const original = await filled();
    const store = await fromFile(original);
    let steps = 0;
    while (store.loadStep()) steps += 1;
    // 3 frames of clients, 1 of tags, then 3 indexes.
    expect(steps).toBe(7);
    expect(await store.collection('clients').find({ practiceId: 'p0' }, page)).toEqual(await original.collection('clients').find({ practiceId: 'p0' }, page));
    await expect(store.collection('clients').bulkWrite([{ kind: 'put', doc: { _id: 'x', email: 'c5@example.com' }, position: 500 }])).rejects.toThrow(/duplicate/i);
  });

  it('a write before any read finds every doc of the collection (its position guard, its unique index)', async () => {
    const store = await fromFile(await filled());
    await store.collection('clients').bulkWrite([{ kind: 'put', doc: { _id: 'c3', practiceId: 'p0', lastName: 'Old', email: 'c3@example.com' }, position: 2 }]);
    expect(await store.collection<ReadDocument>('clients').get('c3')).toMatchObject({ lastName: 'L3' });
  });
});

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
    while (store.loadStep()) built += 1;
    expect(built).toBe(3);
    expect(store.loadStep()).toBe(false);
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
