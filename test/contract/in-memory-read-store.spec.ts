import {
  Filter,
  FindOptions,
  InMemoryReadStore,
  InvalidBulkError,
  ReadDocument,
  ReadStoreUnavailableError,
  WriteOp,
} from '@practice/read-store';
import { readStoreContract } from './read-store.contract';
import { seededRandom as random } from '../support/seeded-random';

readStoreContract('in-memory', async () => {
  const store = new InMemoryReadStore();
  return { store, cleanup: () => store.close() };
});

/** A small deterministic PRNG (mulberry32) so a failing random case can be replayed from its seed. */
const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

const PRACTICES = ['p1', 'p2', 'p3', 'p4'];
const STATUSES = ['Active', 'Pending', 'Inactive'];
const TAGS = ['vip', 'minor', 'sliding-scale', 'waitlist'];

/**
 * A doc with the awkward shapes indexes must cope with: missing fields, arrays, nested arrays, mixed
 * types. `arrayStatus` lets an array into `status`, a sort key of an index (sorted reads then go to mingo).
 */
function randomDoc(next: () => number, id: string, arrayStatus: boolean): ReadDocument {
  const doc: Record<string, unknown> = { _id: id, practiceId: pick(next, PRACTICES), rank: Math.floor(next() * 5) };
  if (next() < 0.8) doc.status = pick(next, STATUSES);
  if (next() < 0.2 && arrayStatus) doc.status = [pick(next, STATUSES), pick(next, STATUSES)];
  if (next() < 0.7) doc.tags = TAGS.filter(() => next() < 0.4);
  if (next() < 0.1) doc.rank = String(doc.rank);
  if (next() < 0.5) doc.members = [{ id: pick(next, ['m1', 'm2', 'm3']) }, { id: pick(next, ['m1', 'm2', 'm3']) }];
  return doc as ReadDocument;
}

function randomFilter(next: () => number): Filter {
  const filters: Filter[] = [
    { practiceId: pick(next, PRACTICES) },
    { practiceId: { $in: [pick(next, PRACTICES), pick(next, PRACTICES)] }, status: pick(next, STATUSES) },
    { practiceId: { $eq: pick(next, PRACTICES) }, tags: pick(next, TAGS) },
    { status: pick(next, STATUSES) },
    { status: { $in: [pick(next, STATUSES), 'Nope'] }, rank: { $gte: 2 } },
    { tags: pick(next, TAGS), practiceId: pick(next, PRACTICES) },
    { 'members.id': pick(next, ['m1', 'm2', 'm3']) },
    { rank: Math.floor(next() * 5) },
    { rank: String(Math.floor(next() * 5)) },
    { $and: [{ practiceId: pick(next, PRACTICES) }, { status: { $ne: 'Active' } }] },
    { practiceId: pick(next, PRACTICES), $or: [{ status: 'Pending' }, { tags: 'vip' }] },
    { _id: { $in: ['d1', 'd7', 'd42', 'nope'] } },
    { status: null },
    { tags: { $exists: false }, practiceId: pick(next, PRACTICES) },
  ];
  return pick(next, filters);
}

describe('InMemoryReadStore', () => {
  let store: InMemoryReadStore;

  beforeEach(() => {
    store = new InMemoryReadStore();
  });

  afterEach(() => store.close());

  describe('index pre-filtering', () => {
    const INDEXES = [
      { name: 'practice_rank', keys: { practiceId: 1, rank: 1, _id: 1 } },
      { name: 'practice_status_rank', keys: { practiceId: 1, status: -1, rank: -1 } },
      { name: 'status', keys: { status: 1 } },
      { name: 'tags', keys: { tags: 1 } },
      { name: 'members', keys: { 'members.id': 1 } },
      { name: 'rank', keys: { rank: -1 } },
    ] as const;

    /** Sorts that are total (end on _id), so any two correct answers are the same list. */
    const SORTS = [
      { rank: 1, _id: 1 },
      { rank: -1, _id: -1 },
      { status: -1, rank: -1, _id: 1 },
      { status: 1, rank: 1, _id: 1 },
      { _id: 1 },
    ] as const;

    const randomOptions = (next: () => number): FindOptions => ({
      sort: pick(next, SORTS),
      skip: next() < 0.5 ? 0 : Math.floor(next() * 10),
      limit: next() < 0.3 ? undefined : 1 + Math.floor(next() * 20),
    });

    /** A keyset page after a random point, as the client list builds it. */
    const keysetFilter = (next: () => number): Filter => {
      const rank = Math.floor(next() * 5);
      const after = `d${Math.floor(next() * 150)}`;
      return { practiceId: pick(next, PRACTICES), $or: [{ rank: { $gt: rank } }, { rank, _id: { $gt: after } }] };
    };

    it('returns what a full scan returns, on random data, random writes and random queries', async () => {
      const next = random(20240611);
      const indexed = store.collection('indexed');
      const scanned = store.collection('scanned');
      await indexed.ensureIndexes(INDEXES);
      const plans = new Set<string>();
      // Ten rounds with scalar sort keys (sorted index reads), then ten where arrays come in.
      for (let round = 0; round < 20; round += 1) {
        const ops: WriteOp[] = [];
        const touched = new Set<string>();
        for (let i = 0; i < 60; i += 1) {
          const id = `d${Math.floor(next() * 150)}`;
          if (touched.has(id)) continue;
          touched.add(id);
          ops.push(next() < 0.2 ? { kind: 'delete', id } : { kind: 'put', doc: randomDoc(next, id, round >= 10) });
        }
        await indexed.bulkWrite(ops);
        await scanned.bulkWrite(ops);
        for (let q = 0; q < 30; q += 1) {
          const filter = next() < 0.25 ? keysetFilter(next) : randomFilter(next);
          const options = randomOptions(next);
          const plan = indexed.explain(filter, options);
          plans.add(`${plan.index}:${plan.sorted}`);
          expect(await indexed.find(filter, options)).toEqual(await scanned.find(filter, options));
          expect(await indexed.count(filter)).toBe(await scanned.count(filter));
        }
      }
      // The random queries did go through sorted reads, plain index reads, id reads and scans.
      for (const expected of ['practice_rank:true', 'practice_status_rank:true', 'status:false', '_id_:false', 'null:false']) {
        expect([...plans]).toContain(expected);
      }
    });

    it('reads one practice, in sort order, when the filter names it', async () => {
      const clients = store.collection('clients');
      await clients.ensureIndexes([{ name: 'practice_name', keys: { practiceId: 1, name: 1, _id: 1 } }]);
      // 1,200 docs per practice: more than one chunk of an index group.
      const ops: WriteOp[] = [];
      for (let i = 0; i < 24_000; i += 1) {
        ops.push({ kind: 'put', doc: { _id: `c${i}`, practiceId: `p${i % 20}`, name: `n${(i * 7919) % 24_000}` } });
      }
      await clients.bulkWrite(ops);
      const sort = { name: 1, _id: 1 } as const;
      const p7Names = ops
        .map((op) => (op.kind === 'put' ? op.doc : undefined))
        .filter((doc) => doc?.practiceId === 'p7')
        .map((doc) => doc?.name as string)
        .sort();

      expect(clients.explain({ practiceId: 'p7', name: { $regex: '^n1' } })).toEqual({ index: 'practice_name', candidates: 1200, sorted: false });
      expect(clients.explain({ practiceId: 'p7' }, { sort, limit: 50 })).toEqual({ index: 'practice_name', candidates: 1200, sorted: true });
      expect(clients.explain({ practiceId: { $in: ['p1', 'p2'] } }, { sort })).toEqual({ index: 'practice_name', candidates: 2400, sorted: false });
      expect(clients.explain({ _id: 'c5', practiceId: 'p5' })).toEqual({ index: '_id_', candidates: 1, sorted: false });
      expect(clients.explain({ name: 'n1' })).toEqual({ index: null, candidates: 24_000, sorted: false });

      const first = await clients.find({ practiceId: 'p7' }, { sort, limit: 3 });
      expect(first.map((doc) => doc.name)).toEqual(p7Names.slice(0, 3));
      const [last] = await clients.find({ practiceId: 'p7' }, { sort, skip: 1000, limit: 1 });
      const keyset = { $or: [{ name: { $gt: last.name } }, { name: last.name, _id: { $gt: last._id } }] };
      const after = await clients.find({ practiceId: 'p7', ...keyset }, { sort, limit: 300 });
      expect(after.map((doc) => doc.name)).toEqual(p7Names.slice(1001));
      const reversed = await clients.find({ practiceId: 'p7' }, { sort: { name: -1, _id: -1 }, limit: 2 });
      expect(reversed.map((doc) => doc.name)).toEqual([p7Names[1199], p7Names[1198]]);
    });

    it('keeps its indexes true when a doc moves to another practice or is deleted', async () => {
      const clients = store.collection('clients');
      await clients.ensureIndexes([{ name: 'practice', keys: { practiceId: 1 } }]);
      await clients.bulkWrite([{ kind: 'put', doc: { _id: 'a', practiceId: 'p1' } }]);
      await clients.bulkWrite([{ kind: 'put', doc: { _id: 'a', practiceId: 'p2' } }, { kind: 'put', doc: { _id: 'b', practiceId: 'p1' } }]);
      expect((await clients.find({ practiceId: 'p1' })).map((doc) => doc._id)).toEqual(['b']);
      await clients.bulkWrite([{ kind: 'delete', id: 'a' }]);
      expect(await clients.find({ practiceId: 'p2' })).toEqual([]);
      expect(clients.explain({ practiceId: 'p2' })).toEqual({ index: 'practice', candidates: 0, sorted: false });
    });
  });

  describe('unique indexes on arrays', () => {
    it('gives every element of an array its own key, as a multikey index does', async () => {
      const users = store.collection('users');
      await users.ensureIndexes([{ name: 'emails_unique', keys: { emails: 1 }, unique: true }]);
      await users.bulkWrite([{ kind: 'put', doc: { _id: 'u1', emails: ['a@x.com', 'b@x.com'] } }]);
      await expect(users.bulkWrite([{ kind: 'put', doc: { _id: 'u2', emails: ['c@x.com', 'b@x.com'] } }])).rejects.toMatchObject({
        index: 'emails_unique',
        collection: 'users',
        key: { emails: 'b@x.com' },
      });
      await users.bulkWrite([{ kind: 'put', doc: { _id: 'u1', emails: ['a@x.com', 'a@x.com'] } }]);
    });
  });

  describe('bulk validation', () => {
    it('names the reason when a bulk holds two ops for one id', async () => {
      await expect(
        store.collection('c').bulkWrite([
          { kind: 'put', doc: { _id: 'a' } },
          { kind: 'delete', id: 'a' },
        ]),
      ).rejects.toBeInstanceOf(InvalidBulkError);
    });

    it('refuses a position that is not a finite number', async () => {
      await expect(store.collection('c').bulkWrite([{ kind: 'put', doc: { _id: 'a' }, position: NaN }])).rejects.toBeInstanceOf(
        InvalidBulkError,
      );
    });

    it('refuses an index name reused with other keys', async () => {
      const c = store.collection('c');
      await c.ensureIndexes([{ name: 'i', keys: { a: 1 } }]);
      await expect(c.ensureIndexes([{ name: 'i', keys: { b: 1 } }])).rejects.toMatchObject({ code: 'IndexConflict' });
    });
  });

  describe('queries', () => {
    it('refuses filters that would run code', async () => {
      const c = store.collection('c');
      await c.bulkWrite([{ kind: 'put', doc: { _id: 'a' } }]);
      await expect(c.find({ $where: 'true' })).rejects.toThrow(/scriptEnabled/);
    });
  });

  describe('after close', () => {
    it('rejects every call with ReadStoreUnavailableError', async () => {
      const c = store.collection('c');
      await store.close();
      await expect(c.get('a')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      await expect(c.bulkWrite([{ kind: 'put', doc: { _id: 'a' } }])).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      await expect(store.getCheckpoint('x')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      await expect(store.listCollections()).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    });
  });
});
