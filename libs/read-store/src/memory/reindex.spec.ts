import { InMemoryReadStore } from './in-memory-read-store';
import type { InMemoryCollection } from './in-memory-collection';

/**
 * A rewrite of a stored doc that keeps its keys in an index leaves its entries in place (only the
 * doc they point to changes); one that changes a key moves them. Either way every read through the
 * index answers what a scan of the collection answers.
 */
describe('in-memory indexes across rewrites of a doc', () => {
  const sort = { name: 1, _id: 1 } as const;

  it('reads the new version after a rewrite with the same keys, and the new place after a changed key', async () => {
    const collection = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([
      { name: 'practice_name', keys: { practiceId: 1, name: 1, _id: 1 } },
      { name: 'tags_name', keys: { tags: 1, name: 1, _id: 1 } },
    ]);
    await collection.bulkWrite(
      ['c', 'a', 'e', 'b', 'd'].map((name, i) => ({ kind: 'put', doc: { _id: `id-${i}`, practiceId: 'p1', name, tags: ['x', `t${i % 2}`], note: 'v1' } })),
    );
    // Same keys, another field: entries stay, reads see the new version.
    await collection.bulkWrite([{ kind: 'put', doc: { _id: 'id-1', practiceId: 'p1', name: 'a', tags: ['x', 't1'], note: 'v2' } }]);
    expect(collection.explain({ practiceId: 'p1' }, { sort, limit: 10 })).toMatchObject({ index: 'practice_name', sorted: true });
    const page = await collection.find({ practiceId: 'p1' }, { sort, limit: 10 });
    expect(page.map((doc) => `${doc.name}:${doc.note}`)).toEqual(['a:v2', 'b:v1', 'c:v1', 'd:v1', 'e:v1']);
    expect((await collection.find({ tags: 't1' }, { sort })).map((doc) => `${doc.name}:${doc.note}`)).toEqual(['a:v2', 'b:v1']);

    // A changed sort key and a changed multikey value: the entries move.
    await collection.bulkWrite([{ kind: 'put', doc: { _id: 'id-1', practiceId: 'p1', name: 'f', tags: ['x', 't0'], note: 'v3' } }]);
    expect((await collection.find({ practiceId: 'p1' }, { sort })).map((doc) => doc.name)).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect((await collection.find({ tags: 't1' }, { sort })).map((doc) => doc.name)).toEqual(['b']);
    expect((await collection.find({ tags: 't0' }, { sort })).map((doc) => doc.name)).toEqual(['c', 'd', 'e', 'f']);
    // Moved to another practice: gone from the first group.
    await collection.bulkWrite([{ kind: 'put', doc: { _id: 'id-1', practiceId: 'p2', name: 'f', tags: [], note: 'v4' } }]);
    expect((await collection.find({ practiceId: 'p1' }, { sort })).map((doc) => doc.name)).toEqual(['b', 'c', 'd', 'e']);
    expect((await collection.find({ practiceId: 'p2' }, { sort })).map((doc) => doc.note)).toEqual(['v4']);
    expect(await collection.count({ tags: 'x' })).toBe(4);
  });

  it('files a multikey rewrite with the same sort keys under exactly its new values', async () => {
    const collection = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([{ name: 'tags_name', keys: { tags: 1, name: 1, _id: 1 } }]);
    await collection.bulkWrite(['a', 'b', 'c'].map((name) => ({ kind: 'put', doc: { _id: name, name, tags: ['x', 'y'] } })));
    // One value kept, one dropped, two added (one of them twice): only those entries move.
    await collection.bulkWrite([{ kind: 'put', doc: { _id: 'b', name: 'b', tags: ['x', 'z', 'w', 'z'], note: 'v2' } }]);
    const tagged = async (tag: string) => (await collection.find({ tags: tag }, { sort })).map((doc) => `${doc.name}${doc.note ? `:${doc.note}` : ''}`);
    expect(await tagged('x')).toEqual(['a', 'b:v2', 'c']);
    expect(await tagged('y')).toEqual(['a', 'c']);
    expect(await tagged('z')).toEqual(['b:v2']);
    expect(await tagged('w')).toEqual(['b:v2']);
    expect(collection.explain({ tags: 'z' }, { sort, limit: 10 })).toEqual({ index: 'tags_name', candidates: 1, sorted: true });
    // Back to no tags at all: out of every group.
    await collection.bulkWrite([{ kind: 'put', doc: { _id: 'b', name: 'b', tags: [] } }]);
    expect(await tagged('x')).toEqual(['a', 'c']);
    expect(collection.explain({ tags: 'z' }, { sort, limit: 10 }).candidates).toBe(0);
  });

  it('points every group of a doc at its new version, found through its smallest group, among many docs filed meanwhile', async () => {
    const collection = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([{ name: 'words_name', keys: { words: 1, name: 1, _id: 1 } }]);
    const doc = (i: number, note: string) => ({ _id: `id-${String(i).padStart(4, '0')}`, name: `n${i % 97}`, words: ['all', `w${i % 10}`, `own${i}`], note });
    await collection.bulkWrite(Array.from({ length: 2_000 }, (_, i) => ({ kind: 'put' as const, doc: doc(i, 'v1') })));
    // Rewritten with the same keys in the same bulk as new docs are filed: every group sees the new version.
    await collection.bulkWrite([
      { kind: 'put', doc: doc(1_234, 'v2') },
      ...Array.from({ length: 500 }, (_, i) => ({ kind: 'put' as const, doc: doc(2_000 + i, 'v1') })),
    ]);
    for (const word of ['all', 'w4', 'own1234']) {
      const found = await collection.find({ words: word }, { sort, limit: 3_000 });
      expect(found.filter((d) => d._id === 'id-1234').map((d) => d.note)).toEqual(['v2']);
      const inOrder = [...found].sort((a, b) => (String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : a._id < b._id ? -1 : 1));
      expect(found.map((d) => d._id)).toEqual(inOrder.map((d) => d._id));
    }
    expect(await collection.count({ words: 'all' })).toBe(2_500);
  });

  it('finds a rewritten doc in a large group by its id, and keeps finding it after moves in and out', async () => {
    const collection = new InMemoryReadStore().collection('clients') as InMemoryCollection;
    await collection.ensureIndexes([{ name: 'practice_name', keys: { practiceId: 1, name: 1, _id: 1 } }]);
    const doc = (i: number, name: string, practiceId = 'p1') => ({ _id: `id-${i}`, practiceId, name, note: name });
    await collection.bulkWrite(Array.from({ length: 5_000 }, (_, i) => ({ kind: 'put' as const, doc: doc(i, `n${i % 300}`) })));
    // Same keys (found by id from now on), then a new name (moved), then away and back.
    await collection.bulkWrite([{ kind: 'put', doc: { ...doc(42, 'n42'), note: 'v2' } }]);
    await collection.bulkWrite([{ kind: 'put', doc: doc(43, 'a-first') }]);
    await collection.bulkWrite([{ kind: 'put', doc: doc(44, 'n44', 'p2') }]);
    await collection.bulkWrite([{ kind: 'put', doc: doc(44, 'n44') }, { kind: 'put', doc: { ...doc(43, 'a-first'), note: 'v3' } }]);
    await collection.bulkWrite([{ kind: 'put', doc: { ...doc(44, 'n44'), note: 'v4' } }]);
    const all = await collection.find({ practiceId: 'p1' }, { sort, limit: 6_000 });
    expect(all).toHaveLength(5_000);
    expect(all[0]).toMatchObject({ _id: 'id-43', note: 'v3' });
    expect(all.find((d) => d._id === 'id-42')?.note).toBe('v2');
    expect(all.find((d) => d._id === 'id-44')?.note).toBe('v4');
  });
});
