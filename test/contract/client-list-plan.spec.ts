import { InMemoryReadStore, MongoReadStore, type Filter, type FindOptions, type ReadCollection, type ReadDocument } from '@practice/read-store';
import { CLIENTS, clientListProjection } from '@practice/read-models';
import type { RecordedEvent } from '@practice/events';
import { clientListFilter, CLIENT_LIST_ORDER } from '../../apps/command-api/src/clients/client-queries';
import { afterKeys } from '../../apps/command-api/src/http/keyset-page';
import { MongoTestServer, type StartedMongoTestServer } from '../support/mongo-test-server';

/**
 * The plans of issue 14's P4 queries of the client list (first page, status filter, tag filter, name
 * prefix search, email prefix search, a deep cursor page), each as the list route builds it, on the
 * in-memory store and on MongoDB (the wire-protocol test server; a real one with MONGODB_TEST_URL):
 * each reads an index of its own rows in the list's order (no sort, the read stops after its page),
 * except a search by a long prefix whose range of whole words holds few rows (read, then sorted).
 */
const practiceId = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const TAG_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const TAG_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Ken', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Perlman', 'Wirth', 'Hoare'];

let position = 0;
const event = (type: string, practice: string, data: Record<string, unknown>): RecordedEvent =>
  ({
    type,
    data,
    streamId: `chart-${String(data.chartId)}`,
    revision: 0,
    position: (position += 1),
    metadata: { eventId: `e-${position}`, schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z', actorUserId: 'u', practiceId: practice, correlationId: 'c', causationId: null, commandType: 'X' },
  }) as RecordedEvent;

/**
 * 400 rows of the practice (a third tagged A, a tenth tagged B, one in twenty deactivated, one in fifty
 * invited to the portal; an email on most), 40 of another practice; `graceH` more Grace H... rows.
 */
const rows = (graceH: number): ReadDocument[] => {
  const docs: ReadDocument[] = [];
  const client = (practice: string, i: number, firstName: string, lastName: string) => {
    const chartId = `${practice.slice(0, 2)}-${i}`;
    const email = i % 4 === 3 ? null : `${firstName}.${lastName}${i}@example.com`.toLowerCase();
    const apply = (doc: ReadDocument | null, type: string, data: Record<string, unknown>) =>
      clientListProjection.apply(doc as never, event(type, practice, { chartId, ...data }), chartId, new Map()) as ReadDocument;
    let doc = apply(null, 'ClientCreated', { practiceId: practice, kind: 'individual', firstName, lastName, email });
    if (i % 3 === 0) doc = apply(doc, 'ClientTagged', { tagId: TAG_A });
    if (i % 10 === 0) doc = apply(doc, 'ClientTagged', { tagId: TAG_B });
    if (i % 20 === 7) doc = apply(doc, 'ClientDeactivated', {});
    if (i % 50 === 11) doc = apply(doc, 'PortalInvitationSent', {});
    docs.push(doc);
  };
  for (let i = 0; i < 400; i += 1) client(practiceId, i, FIRST[i % FIRST.length], LAST[(i * 3) % LAST.length]);
  for (let i = 0; i < graceH; i += 1) client(practiceId, 1000 + i, 'Grace', i % 2 === 0 ? 'Hopper' : 'Hamilton');
  for (let i = 0; i < 40; i += 1) client(other, i, FIRST[i % FIRST.length], LAST[i % LAST.length]);
  return docs;
};

const PAGE = { sort: CLIENT_LIST_ORDER, limit: 51 };
/** Both stores explain a find (the in-memory one synchronously, with the candidates it reads). */
type Explainable = ReadCollection & { explain(filter: Filter, options?: FindOptions): unknown };
const list = (query: Record<string, string>) => clientListFilter(practiceId, query as never);

/** Each P4 query as the route builds it; the deep cursor points half-way through the practice. */
const queries = async (collection: ReadCollection) => {
  const all = await collection.find(list({}), { sort: CLIENT_LIST_ORDER });
  const middle = all[Math.floor(all.length / 2)];
  return {
    'first page': list({}),
    'status filter': list({ status: 'Active' }),
    'a rare status': list({ status: 'Pending' }),
    'tag filter': list({ tag: TAG_A }),
    'tag and status': list({ tag: TAG_B, status: 'Active' }),
    'name prefix search': list({ search: 'gra' }),
    'email prefix search': list({ search: 'grace.h' }),
    'deep cursor page': afterKeys(list({}), CLIENT_LIST_ORDER, [middle.sortName as string, middle._id]),
  };
};

/** The index and order every P4 query is read with, on either store. */
const inOrder = (index: string) => ({ index, sorted: true });
const EXPECTED = {
  'first page': inOrder('practice_sortName'),
  'status filter': inOrder('segments_sortName'),
  'a rare status': inOrder('segments_sortName'),
  'tag filter': inOrder('segments_sortName'),
  'tag and status': inOrder('segments_sortName'),
  'name prefix search': inOrder('searchPrefixes_sortName'),
  'deep cursor page': inOrder('practice_sortName'),
};

const filled = async (collection: ReadCollection, graceH: number): Promise<Explainable> => {
  await collection.ensureIndexes(clientListProjection.indexes);
  await collection.bulkWrite(rows(graceH).map((doc) => ({ kind: 'put', doc })));
  return collection as Explainable;
};

describe('the client list P4 queries on the in-memory store', () => {
  it('each reads an index in the list order; a long prefix with few rows reads its range of words', async () => {
    const collection = await filled(new InMemoryReadStore().collection(CLIENTS), 0);
    const planned = await queries(collection);
    for (const [name, expected] of Object.entries(EXPECTED)) {
      expect([name, collection.explain(planned[name as keyof typeof planned], PAGE)]).toEqual([name, expect.objectContaining(expected)]);
    }
    // The status group holds only the Active rows (not the practice's 400); the rare one its 8.
    expect(collection.explain(planned['status filter'], PAGE)).toEqual(expect.objectContaining({ candidates: 372 }));
    expect(collection.explain(planned['a rare status'], PAGE)).toEqual(expect.objectContaining({ candidates: 8 }));
    // grace.h: the rows with a word starting so (read, then ordered by their sort keys), not the `gra` group.
    expect(collection.explain(planned['email prefix search'], PAGE)).toEqual({ index: 'searchWords', candidates: 12, sorted: false });
  });

  it('answers each with the page a scan of the collection gives', async () => {
    for (const graceH of [0, 400]) {
      const indexed = await filled(new InMemoryReadStore().collection(CLIENTS), graceH);
      const scanned = new InMemoryReadStore().collection(CLIENTS);
      await scanned.bulkWrite(rows(graceH).map((doc) => ({ kind: 'put', doc })));
      for (const filter of Object.values(await queries(indexed))) {
        const ids = async (collection: ReadCollection) => (await collection.find(filter, PAGE)).map((doc) => doc._id);
        expect(await ids(indexed)).toEqual(await ids(scanned));
      }
    }
  });

  it('a long prefix whose range holds about its whole 3-character group reads the group in order', async () => {
    const collection = await filled(new InMemoryReadStore().collection(CLIENTS), 400);
    expect(collection.explain((await queries(collection))['email prefix search'], PAGE)).toEqual({ index: 'searchPrefixes_sortName', candidates: 450, sorted: true });
  });
});

describe('the client list P4 queries on MongoDB', () => {
  const server = new MongoTestServer();
  let started: StartedMongoTestServer;
  beforeAll(async () => {
    started = await server.start();
  });
  afterAll(() => server.stop());

  const urls = () => [started.url, ...(process.env.MONGODB_TEST_URL ? [process.env.MONGODB_TEST_URL] : [])];

  const withCollection = async (graceH: number, fn: (collection: Explainable) => Promise<void>) => {
    for (const url of urls()) {
      const store = await MongoReadStore.connect({ url, dbName: `client_list_plan_${graceH}_${Date.now()}` });
      try {
        await fn(await filled(store.collection(CLIENTS), graceH));
      } finally {
        await store.close();
      }
    }
  };

  it('each is an IXSCAN in the list order (no SORT stage); a long prefix with few rows an IXSCAN of its range', async () => {
    await withCollection(0, async (collection) => {
      const planned = await queries(collection);
      for (const [name, expected] of Object.entries(EXPECTED)) {
        expect([name, await collection.explain(planned[name as keyof typeof planned], PAGE)]).toEqual([name, expected]);
      }
      // 12 rows in the range of grace.h: fewer than the trial's 101 results, so read by their range, then sorted.
      expect(await collection.explain(planned['email prefix search'], PAGE)).toEqual({ index: 'searchWords', sorted: false });
    });
  });

  it('a long prefix with more rows than the trial sorts is read through its 3-character group in order', async () => {
    await withCollection(400, async (collection) => {
      expect(await collection.explain((await queries(collection))['email prefix search'], PAGE)).toEqual(inOrder('searchPrefixes_sortName'));
    });
  });
});
