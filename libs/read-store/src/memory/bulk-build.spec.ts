import { InMemoryReadStore } from './in-memory-read-store';
import type { InMemoryCollection } from './in-memory-collection';
import { SortedList } from './sorted-list';
import { OrderedIndex } from './ordered-index';
import { DuplicateKeyError, type IndexSpec, type ReadDocument, type WriteOp } from '../read-store.port';
import { seededRandom as random } from '../../../../test/support/seeded-random';

const byNumber = (a: number, b: number): number => a - b;

const indexes: IndexSpec[] = [
  { name: 'practice_name', keys: { practiceId: 1, name: 1, _id: 1 } },
  { name: 'segments_name', keys: { segments: 1, name: -1 } },
  { name: 'members_age', keys: { 'members.id': 1, age: 1 } },
];

const docsOf = (count: number, seed: number): ReadDocument[] => {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const practiceId = `p${Math.floor(next() * 3)}`;
    return {
      _id: `id-${i}`,
      practiceId,
      name: ['ada', 'grace', 'alan', 'edsger'][Math.floor(next() * 4)] + Math.floor(next() * 50),
      age: Math.floor(next() * 90),
      segments: [`${practiceId}|status:${next() < 0.5 ? 'Active' : 'Inactive'}`, `${practiceId}|tag:t${Math.floor(next() * 4)}`],
      members: next() < 0.3 ? [{ id: `m${Math.floor(next() * 20)}` }, { id: `m${Math.floor(next() * 20)}` }] : [],
    };
  });
};

const reads: [Record<string, unknown>, Record<string, 1 | -1>][] = [
  [{ practiceId: 'p1' }, { name: 1, _id: 1 }],
  [{ practiceId: 'p2' }, { name: -1, _id: -1 }],
  [{ segments: 'p0|status:Active' }, { name: -1 }],
  [{ segments: { $in: ['p1|tag:t2', 'p2|tag:t3'] } }, { name: -1 }],
  [{ 'members.id': 'm3' }, { age: 1 }],
];

const answers = async (collection: InMemoryCollection) => {
  const all: unknown[] = [];
  for (const [filter, sort] of reads) {
    all.push(collection.explain(filter, { sort, limit: 25 }));
    all.push((await collection.find(filter, { sort, limit: 25 })).map((doc) => doc._id));
    all.push((await collection.find(filter, { sort })).map((doc) => doc._id));
  }
  return all;
};

/**
 * Indexes built in bulk (over the docs of a filled collection or a loaded snapshot: each group sorted
 * once and cut into chunks) read exactly as indexes filled doc by doc, and keep doing so through the
 * writes that follow.
 */
describe('in-memory indexes built in bulk', () => {
  it('a list cut from sorted items keeps its order through later inserts and removals', () => {
    const items = Array.from({ length: 2_000 }, (_, i) => i * 2);
    const list = SortedList.fromSorted(byNumber, items);
    expect(list.size).toBe(2_000);
    expect([...list.values()]).toEqual(items);
    for (let i = 1; i < 4_000; i += 4) list.insert(i);
    for (let i = 0; i < 4_000; i += 8) expect(list.remove(i)).toBe(true);
    const expected = [...new Set([...items.filter((i) => i % 8 !== 0), ...Array.from({ length: 1_000 }, (_, k) => 1 + 4 * k)])].sort(byNumber);
    expect([...list.values()]).toEqual(expected);
    expect([...list.values(true)]).toEqual([...expected].reverse());
    expect([...list.valuesFrom((i) => i < 1_001)][0]).toBe(1_001);
    expect(SortedList.fromSorted(byNumber, []).size).toBe(0);
  });

  it('reads as an index filled doc by doc, before and after further writes', async () => {
    const docs = docsOf(3_000, 11);
    const byDoc = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await byDoc.ensureIndexes(indexes);
    await byDoc.bulkWrite(docs.map((doc): WriteOp => ({ kind: 'put', doc })));
    const inBulk = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await inBulk.bulkWrite(docs.map((doc): WriteOp => ({ kind: 'put', doc })));
    await inBulk.ensureIndexes(indexes);
    expect(await answers(inBulk)).toEqual(await answers(byDoc));

    const later = docsOf(600, 12).map((doc, i) => ({ ...doc, _id: `id-${i * 5}` }));
    const ops: WriteOp[] = [...later.map((doc): WriteOp => ({ kind: 'put', doc })), { kind: 'delete', id: 'id-1' }, { kind: 'delete', id: 'id-7' }];
    await byDoc.bulkWrite(ops);
    await inBulk.bulkWrite(ops);
    expect(await answers(inBulk)).toEqual(await answers(byDoc));
  });

  it('a snapshot of the store loads into indexes that read as the original ones', async () => {
    const original = new InMemoryReadStore();
    const collection = original.collection('clients') as InMemoryCollection;
    await collection.ensureIndexes(indexes);
    const docs = docsOf(2_000, 13);
    // Some docs lack the first key of the index the snapshot orders its docs by: they come after.
    for (const doc of docs.slice(0, 40)) delete (doc as { practiceId?: string }).practiceId;
    await collection.bulkWrite(docs.map((doc): WriteOp => ({ kind: 'put', doc })));
    const exported = original.exportSnapshot(new Set(['clients']));
    const names = exported.collections[0].docs.map((doc) => `${String(doc.practiceId)}|${String(doc.name)}|${doc._id}`);
    expect(new Set(names).size).toBe(2_000);
    // In the order of practice_sortName's groups, each group by name then _id, then the 40 without a practice.
    const groups = names.slice(0, 1_960).map((name) => name.split('|')[0]);
    expect(groups.filter((group, i) => i > 0 && group !== groups[i - 1])).toHaveLength(2);
    for (let i = 1; i < 1_960; i += 1) {
      if (groups[i] !== groups[i - 1]) continue;
      const [a, b] = [names[i - 1].split('|'), names[i].split('|')];
      expect(a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])).toBe(true);
    }
    expect(names.slice(1_960).every((name) => name.startsWith('undefined|'))).toBe(true);
    const loaded = new InMemoryReadStore();
    loaded.importSnapshot(exported);
    const again = loaded.collection('clients') as InMemoryCollection;
    expect(await answers(again)).toEqual(await answers(collection));
    expect(await again.count({})).toBe(2_000);
  });
});

/** Every stored doc's short strings are made the equal ones stored before: nothing a reader sees changes. */
describe('in-memory store sharing strings', () => {
  it('stores and answers the docs as written, frozen parts included', async () => {
    const collection = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    const segments = Object.freeze(['p1|status:Active', 'p1|kind:individual']);
    const docs = [
      { _id: 'a', practiceId: 'p1', segments, nested: { tags: ['t1', 't2'], at: '2026-01-01T00:00:00.000Z' }, note: 'x'.repeat(200) },
      Object.freeze({ _id: 'b', practiceId: ['p', '1'].join(''), segments: ['p1|status:Active'], nested: Object.freeze({ tags: ['t1'] }) }),
    ];
    await collection.bulkWrite(docs.map((doc, i): WriteOp => ({ kind: 'put', doc: doc as ReadDocument, handOver: i === 1 })));
    expect(await collection.get('a')).toEqual(docs[0]);
    expect(await collection.get('b')).toEqual(docs[1]);
    expect((await collection.find({ practiceId: 'p1' }, { sort: { _id: 1 } })).map((doc) => doc._id)).toEqual(['a', 'b']);
  });
});

/**
 * A bulk load (a rebuild, a long catch-up): writes keep the docs by id and the unique constraints
 * only, the indexes are built at its end (or at a read before it), and every read answers as on a
 * store whose indexes were kept on every write.
 */
describe('in-memory store in a bulk load', () => {
  const uniqueEmail: IndexSpec = { name: 'email_unique', keys: { email: 1 }, unique: true };
  const withEmail = (doc: ReadDocument): ReadDocument => ({ ...doc, email: `${doc._id}@example.org` });
  const writes = (): WriteOp[][] => {
    const first = docsOf(2_000, 21).map(withEmail);
    // Rewrites that move docs between groups (new names, segments, members), some deletes, then re-creates.
    const rewrites = docsOf(800, 22).map((doc, i) => withEmail({ ...doc, _id: `id-${i * 2}` }));
    const deletes = Array.from({ length: 100 }, (_, i): WriteOp => ({ kind: 'delete', id: `id-${i * 7 + 1}`, position: 3 }));
    const again = docsOf(30, 23).map((doc, i) => withEmail({ ...doc, _id: `id-${i * 7 + 1}` }));
    return [
      first.map((doc): WriteOp => ({ kind: 'put', doc, position: 1 })),
      rewrites.map((doc): WriteOp => ({ kind: 'put', doc, position: 2 })),
      deletes,
      again.map((doc): WriteOp => ({ kind: 'put', doc, position: 4 })),
    ];
  };
  const live = async (): Promise<InMemoryCollection> => {
    const collection = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([...indexes, uniqueEmail]);
    for (const bulk of writes()) await collection.bulkWrite(bulk);
    return collection;
  };

  afterEach(() => jest.restoreAllMocks());

  it('files no index entry per write and builds each index once at its end; the reads then answer as indexes kept on every write', async () => {
    const store = new InMemoryReadStore();
    const collection = store.collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([...indexes, uniqueEmail]);
    const filed = jest.spyOn(OrderedIndex.prototype, 'add');
    const moved = jest.spyOn(OrderedIndex.prototype, 'replace');
    const built = jest.spyOn(OrderedIndex.prototype, 'addAll');
    store.beginBulkLoad();
    for (const bulk of writes()) await collection.bulkWrite(bulk);
    expect(filed).not.toHaveBeenCalled();
    expect(moved).not.toHaveBeenCalled();
    expect(built).not.toHaveBeenCalled();
    store.endBulkLoad();
    expect(built).toHaveBeenCalledTimes(indexes.length + 1);
    expect(await answers(collection)).toEqual(await answers(await live()));
    // Live again: a write is in the indexes at once.
    await collection.bulkWrite([{ kind: 'put', doc: withEmail({ ...docsOf(1, 24)[0], _id: 'late', practiceId: 'p9' }) }]);
    expect((await collection.find({ practiceId: 'p9' }, { sort: { name: 1, _id: 1 } })).map((doc) => doc._id)).toEqual(['late']);
  });

  it('a read during the load, in a collection created during it, answers as without the load, and so do the reads after', async () => {
    const store = new InMemoryReadStore();
    store.beginBulkLoad();
    const collection = store.collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([...indexes, uniqueEmail]);
    const expected = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await expected.ensureIndexes([...indexes, uniqueEmail]);
    const [first, ...rest] = writes();
    await collection.bulkWrite(first);
    await expected.bulkWrite(first);
    expect(await answers(collection)).toEqual(await answers(expected));
    for (const bulk of rest) await collection.bulkWrite(bulk);
    expect(await answers(collection)).toEqual(await answers(await live()));
    store.endBulkLoad();
    expect(await answers(collection)).toEqual(await answers(await live()));
  });

  it('refuses a write that breaks a unique index with the same error as outside a load, and writes the rest', async () => {
    const duplicate = (collection: InMemoryCollection): Promise<unknown> =>
      collection
        .bulkWrite([
          { kind: 'put', doc: { _id: 'x', email: 'id-3@example.org' } },
          { kind: 'put', doc: { _id: 'y', email: 'y@example.org' } },
        ])
        .catch((error: unknown) => error);
    const outside = await live();
    const store = new InMemoryReadStore();
    const collection = store.collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([...indexes, uniqueEmail]);
    store.beginBulkLoad();
    for (const bulk of writes()) await collection.bulkWrite(bulk);
    const refused = await duplicate(collection);
    expect(refused).toBeInstanceOf(DuplicateKeyError);
    expect(refused).toEqual(await duplicate(outside));
    expect({ ...(refused as DuplicateKeyError) }).toEqual({ ...((await duplicate(outside)) as DuplicateKeyError) });
    await expect(collection.ensureIndexes([{ name: 'kind_unique', keys: { practiceId: 1 }, unique: true }])).rejects.toBeInstanceOf(DuplicateKeyError);
    store.endBulkLoad();
    expect(await collection.get('x')).toBeNull();
    expect(await collection.get('y')).toMatchObject({ email: 'y@example.org' });
    expect(await answers(collection)).toEqual(await answers(outside));
  });
});
