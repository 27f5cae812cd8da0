import { Query } from 'mingo';
import { InMemoryReadStore } from '../index';
import type { ReadDocument } from '../read-store.port';

/**
 * A paged read whose candidates do not come in sort order (a range scan, an index not in the sort's
 * order, a scan) orders the candidates first and tests them until the page is full: it must give the
 * page mingo's own sort gives over every match, with and without an index, skips, ties and arrays.
 */
const docs = (): ReadDocument[] =>
  Array.from({ length: 400 }, (_, i) => ({
    _id: `d${String((i * 7919) % 400).padStart(3, '0')}`,
    group: `g${i % 5}`,
    name: `n${(i * 31) % 97}`,
    rank: i % 13,
    words: [`w${i % 11}`, `x${i % 7}`],
    ...(i % 17 === 0 ? {} : { maybe: i % 3 }),
  }));

const filled = async (indexed: boolean) => {
  const collection = new InMemoryReadStore().collection('things');
  if (indexed) await collection.ensureIndexes([{ name: 'words', keys: { words: 1 } }, { name: 'group_rank', keys: { group: 1, rank: 1 } }]);
  await collection.bulkWrite(docs().map((doc) => ({ kind: 'put', doc })));
  return collection;
};

describe('in-memory store: a sorted page read from candidates out of order', () => {
  const cases: [Record<string, unknown>, Record<string, 1 | -1>, { limit?: number; skip?: number }][] = [
    [{ words: { $elemMatch: { $gte: 'w1', $lt: 'w3' } } }, { name: 1, _id: 1 }, { limit: 11 }],
    [{ words: { $elemMatch: { $gte: 'w1', $lt: 'w3' } }, rank: { $gt: 4 } }, { name: -1, _id: 1 }, { limit: 7, skip: 3 }],
    [{ words: 'x3' }, { maybe: 1, name: 1, _id: -1 }, { limit: 20 }],
    [{ group: 'g2' }, { name: 1, _id: 1 }, { limit: 5 }],
    [{ group: { $in: ['g1', 'g4'] }, name: { $regex: '^n1' } }, { rank: -1, _id: 1 }, { limit: 9, skip: 2 }],
    [{ words: 'w4' }, { name: 1 }, {}],
    [{ words: 'w4' }, { words: 1, _id: 1 }, { limit: 6 }],
  ];

  it.each(cases)('%j sorted by %j %j: the page of a plain sort of every match', async (filter, sort, page) => {
    const [indexed, scanned] = [await filled(true), await filled(false)];
    // The reference: mingo's cursor over every match, sorted, then sliced.
    const all = new Query(filter).find<ReadDocument>(docs()).sort(sort).all();
    const from = page.skip ?? 0;
    const want = all.slice(from, page.limit === undefined ? undefined : from + page.limit).map((doc) => doc._id);
    expect((await indexed.find(filter, { sort, ...page })).map((doc) => doc._id)).toEqual(want);
    expect((await scanned.find(filter, { sort, ...page })).map((doc) => doc._id)).toEqual(want);
  });

  it('tests a large set of candidates before sorting them (a scan), with the same page', async () => {
    const collection = new InMemoryReadStore().collection('many');
    const many = Array.from({ length: 16_500 }, (_, i) => ({ _id: `m${i}`, name: `n${(i * 7919) % 16_500}`, odd: i % 2 === 1 }));
    await collection.bulkWrite(many.map((doc) => ({ kind: 'put', doc })));
    const want = new Query({ odd: true }).find<ReadDocument>(many).sort({ name: -1, _id: 1 }).skip(4).limit(10).all().map((doc) => doc._id);
    expect((await collection.find({ odd: true }, { sort: { name: -1, _id: 1 }, skip: 4, limit: 10 })).map((doc) => doc._id)).toEqual(want);
  });
});
