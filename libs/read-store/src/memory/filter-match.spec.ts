import { Query } from 'mingo';
import type { Filter, ReadDocument } from '../read-store.port';
import { compileFilter } from './filter-match';

const DOCS: ReadDocument[] = [
  { _id: 'a', practiceId: 'p1', sortName: 'avery ann', segments: ['p1|status:Active', 'p1|tag:t1'], searchText: 'avery ann ann@x.org', words: ['p1|ann', 'p1|avery'], n: 3, flag: true },
  { _id: 'b', practiceId: 'p1', sortName: 'brook ben', segments: ['p1|status:Pending'], searchText: 'brook ben', words: ['p1|ben', 'p1|brook'], n: 1, flag: false },
  { _id: 'c', practiceId: 'p2', sortName: 'avery ann', segments: [], searchText: 'ann-marie', words: ['p2|ann-marie', 7], n: '3', flag: null },
  { _id: 'd', practiceId: 'p1', sortName: ['x', 'avery zed'], segments: 'p1|status:Active', searchText: 'Ann', words: [['p1|ann']], n: 2.0 },
  { _id: 'e', practiceId: 'p1', sortName: 7, searchText: null, words: [], n: [1, 2] },
  { _id: 'f', practiceId: 'p1' },
];

const FILTERS: Filter[] = [
  { practiceId: 'p1' },
  { practiceId: 'p1', segments: 'p1|status:Active' },
  { practiceId: 'p1', $and: [{ segments: 'p1|status:Active' }, { segments: 'p1|tag:t1' }] },
  { practiceId: 'p1', $and: [{ $or: [{ sortName: { $gt: 'avery ann' } }, { sortName: 'avery ann', _id: { $gt: 'a' } }] }] },
  { $or: [{ sortName: { $lt: 'b' } }, { sortName: 'brook ben', _id: { $gte: 'b' } }] },
  { sortName: { $gte: 'avery', $lt: 'avery\uffff' } },
  { sortName: { $lte: 'avery ann' } },
  { sortName: { $eq: 'avery ann' } },
  { searchText: { $regex: '(^| )ann' } },
  { searchText: { $regex: '(^| )an' }, practiceId: 'p1' },
  { words: { $elemMatch: { $gte: 'p1|an', $lt: 'p1|an\uffff' } } },
  { words: { $elemMatch: { $gt: 'p1|a' } } },
  { words: 'p1|ann' },
  { words: { $gte: 'p1|b', $lt: 'p1|an' } },
  { words: { $gt: 'p1|a', $lte: 'p1|ann' } },
  { n: 3 },
  { n: 2 },
  { n: '3' },
  { flag: true },
  { flag: false },
  { segments: 'p1|status:Active', _id: 'd' },
  {},
];

describe('compileFilter', () => {
  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter]))('matches what mingo matches: %s', (_, filter) => {
    const test = compileFilter(filter)!;
    expect(test).toBeDefined();
    const query = new Query(filter);
    expect(DOCS.filter(test).map((doc) => doc._id)).toEqual(DOCS.filter((doc) => query.test(doc)).map((doc) => doc._id));
  });

  it.each([
    [{ 'name.first': 'Ann' }],
    [{ flag: null }],
    [{ n: { $gt: 2 } }],
    [{ n: { $in: [1, 2] } }],
    [{ searchText: { $regex: 'ann', $options: 'i' } }],
    [{ searchText: { $regex: '(' } }],
    [{ words: ['p1|ann'] }],
    [{ $nor: [{ n: 1 }] }],
    [{ $or: [] }],
    [{ sortName: { constructor: 'x' } }],
    [{ sortName: {} }],
  ])('leaves anything else to mingo: %j', (filter) => {
    expect(compileFilter(filter as Filter)).toBeUndefined();
  });
});
