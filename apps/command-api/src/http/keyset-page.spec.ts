import { InMemoryReadStore } from '@practice/read-store';
import { afterKeys, findPage, Keyset } from './keyset-page';
import { ProblemException } from './problem';

describe('keyset paging', () => {
  const keyset = new Keyset('things', ['string', 'number']);

  describe('a cursor', () => {
    it('round-trips the sort keys of the last row', () => {
      expect(keyset.decode(keyset.encode(['b', 3]))).toEqual(['b', 3]);
    });

    it.each([
      ['not base64 JSON', 'not-a-cursor'],
      ['of another list', new Keyset('others', ['string', 'number']).encode(['b', 3])],
      ['with too few keys', Buffer.from(JSON.stringify(['things', 'b'])).toString('base64url')],
      ['with a key of the wrong type', Buffer.from(JSON.stringify(['things', 3, 'b'])).toString('base64url')],
      ['with a negative number', Buffer.from(JSON.stringify(['things', 'b', -1])).toString('base64url')],
      ['with a fraction', Buffer.from(JSON.stringify(['things', 'b', 1.5])).toString('base64url')],
      ['that is an object', Buffer.from(JSON.stringify({ list: 'things' })).toString('base64url')],
    ])('is refused when %s, naming the cursor field', (_case, cursor) => {
      let thrown: unknown;
      try {
        keyset.decode(cursor);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemException);
      expect((thrown as ProblemException).problem).toMatchObject({ status: 400, code: 'InvalidCursor', errors: [{ field: 'cursor' }] });
    });
  });

  it('narrows a filter to the rows after the keys, keeping its own $and', () => {
    expect(afterKeys({ p: 1, $and: [{ s: 'x' }] }, { a: 1, _id: 1 }, ['k', 'id'])).toEqual({
      p: 1,
      $and: [{ s: 'x' }, { $or: [{ a: { $gt: 'k' } }, { a: 'k', _id: { $gt: 'id' } }] }],
    });
    expect(afterKeys({}, { a: -1, _id: 1 }, ['k', 'id'], true)).toEqual({ $and: [{ $or: [{ a: { $lt: 'k' } }, { a: 'k', _id: { $gte: 'id' } }] }] });
  });

  it('pages a collection with ties on the first key: every row once, in order, the last page without a cursor', async () => {
    const store = new InMemoryReadStore();
    const collection = store.collection('rows');
    await collection.ensureIndexes([{ name: 'group_rank', keys: { group: 1, rank: 1, _id: 1 } }]);
    const ids = [...Array(11)].map((_, i) => `id-${String(i).padStart(2, '0')}`);
    await collection.bulkWrite(ids.map((id, i) => ({ kind: 'put', doc: { _id: id, group: 'g', rank: `r${i % 3}` } })));
    const rows = new Keyset('rows', ['string', 'string']);
    const sort = { rank: 1, _id: 1 } as const;
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await findPage(collection, { group: 'g' }, sort, rows, { limit: 4, cursor });
      seen.push(...page.items.map((doc) => doc._id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].sort((a, b) => (Number(a.slice(3)) % 3) - (Number(b.slice(3)) % 3) || (a < b ? -1 : 1)));
  });
});
