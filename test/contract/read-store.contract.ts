import { randomUUID } from 'node:crypto';
import { DuplicateKeyError, ReadCollection, ReadDocument, ReadStore, WriteOp } from '@practice/read-store';

/**
 * The behaviour every ReadStore adapter owes its callers. It also runs against a shared real
 * server, so every test uses its own collection and checkpoint names, drops what it created, and
 * asserts nothing about timing or about collections it did not create.
 */

interface ClientDoc extends ReadDocument {
  readonly practiceId: string;
  readonly name: { readonly first: string; readonly last: string };
  readonly status: 'Active' | 'Pending' | 'Inactive';
  readonly email?: string;
  readonly tags: readonly string[];
  readonly sessions: number;
}

const client = (id: string, fields: Partial<ClientDoc> = {}): ClientDoc => ({
  _id: id,
  practiceId: 'p1',
  name: { first: 'First', last: 'Last' },
  status: 'Active',
  tags: [],
  sessions: 0,
  ...fields,
});

const put = (doc: ReadDocument, position?: number): WriteOp => ({ kind: 'put', doc, position });
const del = (id: string, position?: number): WriteOp => ({ kind: 'delete', id, position });

/** A small practice list with distinct (status, last name) pairs, so two-key sorts are total. */
const CLIENTS: readonly ClientDoc[] = [
  client('c1', { name: { first: 'Ann', last: 'Avery' }, status: 'Active', email: 'ann@example.com', tags: ['vip'], sessions: 5 }),
  client('c2', { name: { first: 'Ben', last: 'Brook' }, status: 'Pending', email: 'ben@example.com', tags: [], sessions: 0 }),
  client('c3', { name: { first: 'Cara', last: 'Cole' }, status: 'Active', tags: ['vip', 'sliding-scale'], sessions: 12 }),
  client('c4', { name: { first: 'Dan', last: 'Dunn' }, status: 'Inactive', email: 'dan@example.org', tags: ['sliding-scale'], sessions: 3 }),
  client('c5', { name: { first: 'Eve', last: 'Anders' }, status: 'Active', email: 'EVE@Example.com', tags: [], sessions: 7 }),
  client('c6', { name: { first: 'Finn', last: 'Avery' }, status: 'Pending', tags: ['minor'], sessions: 1 }),
  client('o1', { practiceId: 'p2', name: { first: 'Ann', last: 'Other' }, status: 'Active', email: 'ann@other.com', tags: ['vip'], sessions: 2 }),
];

const ids = (docs: readonly ReadDocument[]): string[] => docs.map((doc) => doc._id);
const sortedIds = (docs: readonly ReadDocument[]): string[] => ids(docs).sort();

export function readStoreContract(
  label: string,
  factory: () => Promise<{ store: ReadStore; cleanup: () => Promise<void> }>,
): void {
  describe(`ReadStore contract: ${label}`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;
    let created: string[];

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      created = [];
    });

    afterEach(async () => {
      for (const name of created) await store.collection(name).drop();
      await cleanup();
    });

    const uniqueName = (prefix: string): string => `${prefix}_${randomUUID().replace(/-/g, '')}`;

    const newCollection = <T extends ReadDocument = ClientDoc>(): ReadCollection<T> => {
      const name = uniqueName('contract');
      created.push(name);
      return store.collection<T>(name);
    };

    const withClients = async (): Promise<ReadCollection<ClientDoc>> => {
      const clients = newCollection();
      await clients.bulkWrite(CLIENTS.map((doc) => put(doc)));
      return clients;
    };

    const snapshot = (collection: ReadCollection<ReadDocument>): Promise<ReadDocument[]> =>
      collection.find({}, { sort: { _id: 1 } });

    describe('put, get and getMany', () => {
      it('returns a stored document by id, and null for an unknown id', async () => {
        const clients = await withClients();
        expect(await clients.get('c1')).toEqual(CLIENTS[0]);
        expect(await clients.get('missing')).toBeNull();
      });

      it('replaces the whole document on a put', async () => {
        const clients = newCollection<ReadDocument>();
        await clients.bulkWrite([put({ _id: 'a', kept: 1, dropped: true })]);
        await clients.bulkWrite([put({ _id: 'a', kept: 2 })]);
        expect(await clients.get('a')).toEqual({ _id: 'a', kept: 2 });
      });

      it('stores the op position as _position', async () => {
        const clients = newCollection<ReadDocument>();
        await clients.bulkWrite([put({ _id: 'a', v: 1 }, 7)]);
        expect(await clients.get('a')).toEqual({ _id: 'a', v: 1, _position: 7 });
      });

      it('returns only the ids found, keyed by id', async () => {
        const clients = await withClients();
        const found = await clients.getMany(['c2', 'missing', 'c1']);
        expect([...found.keys()].sort()).toEqual(['c1', 'c2']);
        expect(found.get('c2')).toEqual(CLIENTS[1]);
      });

      it('reads nothing from a collection that was never written', async () => {
        const empty = newCollection();
        expect(await empty.get('a')).toBeNull();
        expect((await empty.getMany(['a'])).size).toBe(0);
        expect(await empty.find({})).toEqual([]);
        expect(await empty.count({})).toBe(0);
      });

      it('accepts an empty bulk', async () => {
        const clients = newCollection();
        await expect(clients.bulkWrite([])).resolves.toBeUndefined();
      });

      it('refuses a bulk with two ops on one id and applies none of it', async () => {
        const clients = newCollection<ReadDocument>();
        await expect(clients.bulkWrite([put({ _id: 'b', v: 1 }), put({ _id: 'a', v: 1 }), del('a')])).rejects.toThrow();
        expect(await clients.count({})).toBe(0);
      });
    });

    describe('find and count', () => {
      it('matches every document with an empty filter', async () => {
        const clients = await withClients();
        expect(sortedIds(await clients.find({}))).toEqual(ids(CLIENTS).sort());
      });

      it('matches an implicit and an explicit $eq', async () => {
        const clients = await withClients();
        expect(sortedIds(await clients.find({ status: 'Pending' }))).toEqual(['c2', 'c6']);
        expect(sortedIds(await clients.find({ status: { $eq: 'Inactive' } }))).toEqual(['c4']);
      });

      it('matches $in', async () => {
        const clients = await withClients();
        expect(sortedIds(await clients.find({ status: { $in: ['Pending', 'Inactive'] } }))).toEqual(['c2', 'c4', 'c6']);
      });

      it('matches a case-insensitive $regex', async () => {
        const clients = await withClients();
        const found = await clients.find({ email: { $regex: 'example\\.com$', $options: 'i' } });
        expect(sortedIds(found)).toEqual(['c1', 'c2', 'c5']);
      });

      it('matches $or combined with another field', async () => {
        const clients = await withClients();
        const found = await clients.find({
          practiceId: 'p1',
          $or: [{ 'name.first': { $regex: '^an', $options: 'i' } }, { 'name.last': { $regex: '^an', $options: 'i' } }],
        });
        expect(sortedIds(found)).toEqual(['c1', 'c5']);
      });

      it('matches a nested field by its dotted path', async () => {
        const clients = await withClients();
        expect(sortedIds(await clients.find({ 'name.last': 'Avery' }))).toEqual(['c1', 'c6']);
      });

      it('matches an array field that contains a value', async () => {
        const clients = await withClients();
        expect(sortedIds(await clients.find({ practiceId: 'p1', tags: 'vip' }))).toEqual(['c1', 'c3']);
        expect(sortedIds(await clients.find({ tags: { $in: ['minor', 'sliding-scale'] } }))).toEqual(['c3', 'c4', 'c6']);
      });

      it('matches comparisons and missing fields', async () => {
        const clients = await withClients();
        expect(sortedIds(await clients.find({ sessions: { $gte: 5 } }))).toEqual(['c1', 'c3', 'c5']);
        expect(sortedIds(await clients.find({ email: { $exists: false } }))).toEqual(['c3', 'c6']);
      });

      it('sorts on two keys', async () => {
        const clients = await withClients();
        const found = await clients.find({ practiceId: 'p1' }, { sort: { status: 1, 'name.last': -1 } });
        expect(ids(found)).toEqual(['c3', 'c1', 'c5', 'c4', 'c2', 'c6']);
      });

      it('pages with skip and limit in sort order', async () => {
        const clients = await withClients();
        const sort = { 'name.last': 1, 'name.first': 1 } as const;
        const all = ids(await clients.find({}, { sort }));
        const pages: string[] = [];
        for (let skip = 0; skip < all.length; skip += 3) {
          pages.push(...ids(await clients.find({}, { sort, skip, limit: 3 })));
        }
        expect(pages).toEqual(all);
        expect(all.slice(0, 3)).toEqual(['c5', 'c1', 'c6']);
        expect(await clients.find({}, { sort, skip: all.length })).toEqual([]);
        // As in MongoDB, a limit of 0 means no limit.
        expect(ids(await clients.find({}, { sort, limit: 0 }))).toEqual(all);
      });

      it('projects the included fields and keeps _id unless it is excluded', async () => {
        const clients = await withClients();
        const included = await clients.find({ _id: 'c1' }, { projection: { 'name.first': 1, status: 1 } });
        expect(included).toEqual([{ _id: 'c1', name: { first: 'Ann' }, status: 'Active' }]);
        const withoutId = await clients.find({ _id: 'c1' }, { projection: { _id: 0, sessions: 1 } });
        expect(withoutId).toEqual([{ sessions: 5 }]);
        const excluded = await clients.find({ _id: 'c2' }, { projection: { name: 0, tags: 0, email: 0 } });
        expect(excluded).toEqual([{ _id: 'c2', practiceId: 'p1', status: 'Pending', sessions: 0 }]);
      });

      it('counts what find would return', async () => {
        const clients = await withClients();
        expect(await clients.count({})).toBe(CLIENTS.length);
        expect(await clients.count({ practiceId: 'p1', tags: 'vip' })).toBe(2);
        expect(await clients.count({ status: 'Unknown' })).toBe(0);
      });

      it('gives the same answers with secondary indexes in place', async () => {
        const clients = await withClients();
        const filter = { practiceId: 'p1', status: { $in: ['Active', 'Pending'] } };
        const options = { sort: { 'name.last': 1, _id: 1 } as const };
        const before = await clients.find(filter, options);
        await clients.ensureIndexes([
          { name: 'practice_status', keys: { practiceId: 1, status: 1 } },
          { name: 'tags', keys: { tags: 1 } },
        ]);
        expect(await clients.find(filter, options)).toEqual(before);
        expect(sortedIds(await clients.find({ tags: 'vip' }))).toEqual(['c1', 'c3', 'o1']);
        expect(await clients.count(filter)).toBe(before.length);
      });
    });

    describe('position guard', () => {
      it('ignores a put whose position is older than or equal to the stored one', async () => {
        const docs = newCollection<ReadDocument>();
        await docs.bulkWrite([put({ _id: 'a', v: 'at 10' }, 10)]);
        await docs.bulkWrite([put({ _id: 'a', v: 'at 9' }, 9)]);
        await docs.bulkWrite([put({ _id: 'a', v: 'at 10 again' }, 10)]);
        expect(await docs.get('a')).toEqual({ _id: 'a', v: 'at 10', _position: 10 });
      });

      it('replaces the document with a newer position', async () => {
        const docs = newCollection<ReadDocument>();
        await docs.bulkWrite([put({ _id: 'a', v: 'at 10' }, 10)]);
        await docs.bulkWrite([put({ _id: 'a', v: 'at 11' }, 11)]);
        expect(await docs.get('a')).toEqual({ _id: 'a', v: 'at 11', _position: 11 });
      });

      it('applies a put without a position unconditionally', async () => {
        const docs = newCollection<ReadDocument>();
        await docs.bulkWrite([put({ _id: 'a', v: 'at 10' }, 10)]);
        await docs.bulkWrite([put({ _id: 'a', v: 'rebuilt' })]);
        expect(await docs.get('a')).toEqual({ _id: 'a', v: 'rebuilt' });
      });

      it('deletes only with a newer position, and unconditionally without one', async () => {
        const docs = newCollection<ReadDocument>();
        await docs.bulkWrite([put({ _id: 'a' }, 10), put({ _id: 'b' }, 10), put({ _id: 'c' }, 10)]);
        await docs.bulkWrite([del('a', 9), del('b', 10), del('c', 11)]);
        expect(sortedIds(await docs.find({}))).toEqual(['a', 'b']);
        await docs.bulkWrite([del('a'), del('never-stored')]);
        expect(sortedIds(await docs.find({}))).toEqual(['b']);
      });

      it('does not bring a deleted document back with an older put, but does with a newer one', async () => {
        const docs = newCollection<ReadDocument>();
        await docs.bulkWrite([put({ _id: 'a', v: 1 }, 5)]);
        await docs.bulkWrite([del('a', 8)]);
        await docs.bulkWrite([put({ _id: 'a', v: 1 }, 5)]);
        await docs.bulkWrite([put({ _id: 'a', v: 2 }, 8)]);
        expect(await docs.get('a')).toBeNull();
        await docs.bulkWrite([put({ _id: 'a', v: 3 }, 9)]);
        expect(await docs.get('a')).toEqual({ _id: 'a', v: 3, _position: 9 });
      });

      it('leaves the same state when the whole history of bulks is replayed', async () => {
        const docs = newCollection<ReadDocument>();
        const history: WriteOp[][] = [
          [put({ _id: 'a', v: 1 }, 1), put({ _id: 'b', v: 1 }, 1)],
          [put({ _id: 'a', v: 2 }, 2), put({ _id: 'c', v: 1 }, 2)],
          [del('b', 3), put({ _id: 'c', v: 2 }, 3)],
          [put({ _id: 'd', v: 1 }, 4), del('c', 4)],
          [put({ _id: 'a', v: 3 }, 5)],
        ];
        for (const bulk of history) await docs.bulkWrite(bulk);
        const once = await snapshot(docs);
        expect(once).toEqual([
          { _id: 'a', v: 3, _position: 5 },
          { _id: 'd', v: 1, _position: 4 },
        ]);
        for (const bulk of history) {
          await docs.bulkWrite(bulk);
          expect(await snapshot(docs)).toEqual(once);
        }
        for (const bulk of history.slice(2)) await docs.bulkWrite(bulk);
        expect(await snapshot(docs)).toEqual(once);
      });
    });

    describe('indexes', () => {
      const emailUnique = { name: 'practice_email_unique', keys: { practiceId: 1, email: 1 }, unique: true } as const;

      it('accepts the same indexes twice', async () => {
        const clients = newCollection();
        await clients.ensureIndexes([emailUnique, { name: 'status', keys: { status: 1 } }]);
        await expect(clients.ensureIndexes([emailUnique, { name: 'status', keys: { status: 1 } }])).resolves.toBeUndefined();
      });

      it('refuses a duplicate unique key with DuplicateKeyError while the other ops of the bulk apply', async () => {
        const clients = newCollection();
        await clients.ensureIndexes([emailUnique]);
        await clients.bulkWrite([put(client('a', { email: 'x@example.com' }))]);
        const bulk = [
          put(client('b', { email: 'y@example.com' })),
          put(client('dup', { email: 'x@example.com' })),
          put(client('other-practice', { practiceId: 'p2', email: 'x@example.com' })),
        ];
        const error = await clients.bulkWrite(bulk).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect((error as DuplicateKeyError).index).toBe(emailUnique.name);
        expect(sortedIds(await clients.find({}))).toEqual(['a', 'b', 'other-practice']);
        expect(await clients.get('dup')).toBeNull();
      });

      it('refuses a duplicate between two ops of one bulk, keeping the first', async () => {
        const clients = newCollection();
        await clients.ensureIndexes([emailUnique]);
        const bulk = [put(client('a', { email: 'x@example.com' })), put(client('b', { email: 'x@example.com' }))];
        await expect(clients.bulkWrite(bulk)).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(sortedIds(await clients.find({}))).toEqual(['a']);
      });

      it('keeps a refused replacement from changing the stored document', async () => {
        const clients = newCollection();
        await clients.ensureIndexes([emailUnique]);
        await clients.bulkWrite([put(client('a', { email: 'x@example.com' })), put(client('b', { email: 'y@example.com' }))]);
        await expect(clients.bulkWrite([put(client('b', { email: 'x@example.com', sessions: 9 }))])).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
        expect(await clients.get('b')).toEqual(client('b', { email: 'y@example.com' }));
      });

      it('lets a document keep its own key, and frees a key its owner gave up', async () => {
        const clients = newCollection();
        await clients.ensureIndexes([emailUnique]);
        await clients.bulkWrite([put(client('a', { email: 'x@example.com' }))]);
        await clients.bulkWrite([put(client('a', { email: 'x@example.com', sessions: 1 }))]);
        await clients.bulkWrite([put(client('a', { email: 'new@example.com' }))]);
        await clients.bulkWrite([put(client('b', { email: 'x@example.com' }))]);
        await clients.bulkWrite([del('a')]);
        await clients.bulkWrite([put(client('c', { email: 'new@example.com' }))]);
        expect(sortedIds(await clients.find({}))).toEqual(['b', 'c']);
      });

      it('treats a missing field as null, which only one document may hold', async () => {
        const clients = newCollection();
        await clients.ensureIndexes([emailUnique]);
        await clients.bulkWrite([put(client('a'))]);
        await expect(clients.bulkWrite([put(client('b'))])).rejects.toBeInstanceOf(DuplicateKeyError);
        await clients.bulkWrite([put(client('c', { practiceId: 'p2' }))]);
        expect(sortedIds(await clients.find({}))).toEqual(['a', 'c']);
      });

      it('refuses a unique index over documents that already collide', async () => {
        const clients = newCollection();
        await clients.bulkWrite([put(client('a', { email: 'x@example.com' })), put(client('b', { email: 'x@example.com' }))]);
        await expect(clients.ensureIndexes([emailUnique])).rejects.toBeInstanceOf(DuplicateKeyError);
      });
    });

    describe('checkpoints', () => {
      it('is undefined for a projection that never ran', async () => {
        expect(await store.getCheckpoint(uniqueName('projection'))).toBeUndefined();
      });

      it('keeps the last position set, per projection', async () => {
        const clientList = uniqueName('client_list');
        const charts = uniqueName('charts');
        await store.setCheckpoint(clientList, 41);
        await store.setCheckpoint(clientList, 42);
        await store.setCheckpoint(charts, 7);
        expect(await store.getCheckpoint(clientList)).toBe(42);
        expect(await store.getCheckpoint(charts)).toBe(7);
      });
    });

    describe('collections', () => {
      it('lists a collection once written and forgets it once dropped', async () => {
        const name = uniqueName('listed');
        created.push(name);
        await store.collection(name).bulkWrite([put({ _id: 'a' })]);
        expect(await store.listCollections()).toContain(name);
        await store.collection(name).drop();
        expect(await store.listCollections()).not.toContain(name);
      });

      it('removes every document and index on drop, and the collection can be written again', async () => {
        const clients = newCollection();
        await clients.ensureIndexes([{ name: 'email_unique', keys: { email: 1 }, unique: true }]);
        await clients.bulkWrite([put(client('a', { email: 'x@example.com' }))]);
        await clients.drop();
        expect(await clients.count({})).toBe(0);
        await clients.bulkWrite([put(client('b', { email: 'x@example.com' })), put(client('c', { email: 'x@example.com' }))]);
        expect(sortedIds(await clients.find({}))).toEqual(['b', 'c']);
      });

      it('drops a collection that does not exist without complaint', async () => {
        await expect(newCollection().drop()).resolves.toBeUndefined();
      });
    });

    describe('isolation', () => {
      it('does not let a caller change stored documents through what it wrote or read', async () => {
        const docs = newCollection<ReadDocument>();
        const written = { _id: 'a', tags: ['x'], nested: { n: 1 } };
        await docs.bulkWrite([put(written)]);
        written.tags.push('written-later');
        written.nested.n = 2;

        const got = (await docs.get('a')) as unknown as typeof written;
        got.tags.push('from-get');
        const [found] = (await docs.find({ _id: 'a' })) as unknown as (typeof written)[];
        found.nested.n = 3;
        const many = (await docs.getMany(['a'])).get('a') as unknown as typeof written;
        many.tags.length = 0;

        expect(await docs.get('a')).toEqual({ _id: 'a', tags: ['x'], nested: { n: 1 } });
      });

      it('does not let a caller change stored documents through a projected read', async () => {
        const docs = newCollection<ReadDocument>();
        await docs.bulkWrite([put({ _id: 'a', tags: ['x'], nested: { n: 1 }, other: 'o' })]);
        const [projected] = (await docs.find({}, { projection: { tags: 1, nested: 1 } })) as unknown as { tags: string[]; nested: { n: number } }[];
        expect(projected).toEqual({ _id: 'a', tags: ['x'], nested: { n: 1 } });
        projected.tags.push('from-find');
        projected.nested.n = 2;
        const [withoutId] = (await docs.find({ _id: 'a' }, { projection: { _id: 0, tags: 1, missing: 1 } })) as unknown as { tags: string[] }[];
        expect(withoutId).toEqual({ tags: ['x'] });
        withoutId.tags.length = 0;

        expect(await docs.get('a')).toEqual({ _id: 'a', tags: ['x'], nested: { n: 1 }, other: 'o' });
      });
    });

    describe('ranges of strings through an index', () => {
      it('finds a prefix range of a multikey field as a scan does: each doc once, then sorted and paged', async () => {
        const words = newCollection<ReadDocument>();
        await words.ensureIndexes([{ name: 'words', keys: { words: 1 } }]);
        await words.bulkWrite([
          put({ _id: 'a', words: ['grace', 'grace.hopper@x'], n: 3 }),
          put({ _id: 'b', words: ['gracie', 'hopper'], n: 1 }),
          put({ _id: 'c', words: ['gra', 'grab'], n: 2 }),
          put({ _id: 'd', words: ['ada', 7], n: 4 }),
          put({ _id: 'e', words: ['grace-single'], n: 5 }),
        ]);
        // $elemMatch: one word within both bounds.
        const prefix = { words: { $elemMatch: { $gte: 'grac', $lt: 'grac\uffff' } } };
        expect(ids(await words.find(prefix, { sort: { n: 1 } }))).toEqual(['b', 'a', 'e']);
        expect(ids(await words.find(prefix, { sort: { n: -1 }, limit: 2 }))).toEqual(['e', 'a']);
        expect(await words.count(prefix)).toBe(3);
        // Bounds as given: $gt leaves out the bound itself, $lte keeps it.
        expect(ids(await words.find({ words: { $elemMatch: { $gt: 'gra', $lte: 'grab' } } }, { sort: { _id: 1 } }))).toEqual(['c']);
        // Without $elemMatch each bound may hold for another element: a doc with a word on each side of the range matches.
        await words.bulkWrite([put({ _id: 'f', words: ['zed', 'abc'], n: 6 })]);
        expect(ids(await words.find({ words: { $gte: 'grac', $lt: 'grac\uffff' } }, { sort: { n: 1 } }))).toContain('f');
        await words.bulkWrite([del('f')]);
        // After a rewrite that moves a doc out of the range, and a delete, the range follows.
        await words.bulkWrite([put({ _id: 'a', words: ['ada'], n: 3 }), del('b')]);
        expect(ids(await words.find(prefix, { sort: { n: 1 } }))).toEqual(['e']);
      });
    });
  });
}
