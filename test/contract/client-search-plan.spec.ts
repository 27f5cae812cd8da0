import { InMemoryReadStore, MongoReadStore, type ReadCollection, type ReadDocument } from '@practice/read-store';
import { CLIENTS, clientListProjection, searchPrefixesOf, searchWordsOf } from '@practice/read-models';
import type { RecordedEvent } from '@practice/events';
import { clientListFilter, CLIENT_LIST_ORDER } from '../../apps/command-api/src/clients/client-queries';
import { MongoTestServer, type StartedMongoTestServer } from '../support/mongo-test-server';

/**
 * The client list's search by prefix reads its own index group (searchPrefixes_sortName), in page
 * order, on the in-memory store and on MongoDB (over the wire-protocol test server; also a real one
 * with MONGODB_TEST_URL): a search in a large practice costs the rows under its prefix, not a scan.
 */
const practiceId = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const NAMES: [string, string, string | null][] = [
  ['Grace', 'Hopper', 'grace.hopper@example.com'],
  ['Ada', 'Lovelace', 'ada@example.com'],
  ['Alan', 'Turing', null],
  ['Grace Brewster', 'Murray', 'gbm@example.com'],
  ['Graham', 'Bell', 'aleck@example.com'],
  ['Edsger', 'Dijkstra', 'ewd@example.com'],
];

const created = (practice: string, i: number, [firstName, lastName, email]: [string, string, string | null]): RecordedEvent => ({
  type: 'ClientCreated',
  data: { chartId: `${practice.slice(0, 2)}-c-${i}`, practiceId: practice, kind: 'individual', firstName, lastName, email },
  streamId: `chart-${practice.slice(0, 2)}-c-${i}`,
  revision: 0,
  position: i,
  metadata: { eventId: `e-${practice}-${i}`, schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z', actorUserId: 'u', practiceId: practice, correlationId: 'c', causationId: null, commandType: 'CreateClient' },
}) as RecordedEvent;

/** The rows the projection makes: every name in two practices, and 300 filler rows under other prefixes. */
const rows = (): ReadDocument[] => {
  const docs: ReadDocument[] = [];
  const project = (event: RecordedEvent) => docs.push(clientListProjection.apply(null, event, (event.data as { chartId: string }).chartId, new Map())!);
  NAMES.forEach((name, i) => project(created(practiceId, i, name)));
  NAMES.forEach((name, i) => project(created(other, i, name)));
  for (let i = 0; i < 300; i += 1) project(created(practiceId, 100 + i, [`Zed${i}`, `Young${i}`, null]));
  return docs;
};

const search = (text: string, query: Record<string, string> = {}) => clientListFilter(practiceId, { search: text, ...query } as never);
const PAGE = { sort: CLIENT_LIST_ORDER, limit: 51 };

const names = async (collection: ReadCollection, text: string) =>
  (await collection.find(search(text), PAGE)).map((doc) => `${doc.firstName} ${doc.lastName}`);

const behavesAsAPrefixSearch = async (collection: ReadCollection) => {
  expect(await names(collection, 'gra')).toEqual(['Graham Bell', 'Grace Hopper', 'Grace Brewster Murray']);
  expect(await names(collection, 'GRACE')).toEqual(['Grace Hopper', 'Grace Brewster Murray']);
  expect(await names(collection, 'brew')).toEqual(['Grace Brewster Murray']);
  expect(await names(collection, 'grace hop')).toEqual(['Grace Hopper']);
  expect(await names(collection, 'grace.hopper@ex')).toEqual(['Grace Hopper']);
  expect(await names(collection, 'ewd@')).toEqual(['Edsger Dijkstra']);
  // A prefix, not a substring: "race" is inside "grace" but starts no word.
  expect(await names(collection, 'race')).toEqual([]);
  expect(await names(collection, '.*')).toEqual([]);
  // Longer prefixes read a range of whole words, then sort: the same page, in the same order.
  expect(await names(collection, 'grace.h')).toEqual(['Grace Hopper']);
  expect(await names(collection, 'lovelace')).toEqual(['Ada Lovelace']);
  const young = await names(collection, 'young1');
  expect(young).toHaveLength(51);
  expect(young.slice(0, 4)).toEqual(['Zed1 Young1', 'Zed10 Young10', 'Zed100 Young100', 'Zed101 Young101']);
};

describe('client search by prefix: searchPrefixes of a row', () => {
  it('keeps the first 1 to 3 characters of every word, under the practice', () => {
    expect(searchPrefixesOf('p', 'ada lovelace ada@x.org')).toEqual(['p|a', 'p|ad', 'p|ada', 'p|l', 'p|lo', 'p|lov']);
  });

  it('keeps every whole word too, under the practice, for the longer searches', () => {
    expect(searchWordsOf('p', 'ada lovelace ada@x.org')).toEqual(['p|ada', 'p|lovelace', 'p|ada@x.org']);
  });
});

describe('client search by prefix on the in-memory store', () => {
  it('reads the index group of its prefix, in page order, and finds what a prefix search finds', async () => {
    const collection = new InMemoryReadStore().collection(CLIENTS);
    await collection.ensureIndexes(clientListProjection.indexes);
    await collection.bulkWrite(rows().map((doc) => ({ kind: 'put', doc })));
    expect(collection.explain(search('gra'), PAGE)).toEqual({ index: 'searchPrefixes_sortName', candidates: 3, sorted: true });
    // A search that runs on into a next word holds its first word whole: the rows with that word.
    expect(collection.explain(search('graham bell'), PAGE)).toEqual({ index: 'searchWords', candidates: 1, sorted: false });
    // With a filter of the list too, the smaller group wins: the prefix's three rows, not the 306 Active ones.
    expect(collection.explain(search('gra', { status: 'Active' }), PAGE)).toEqual({ index: 'searchPrefixes_sortName', candidates: 3, sorted: true });
    // Beyond 3 characters: the range of whole words under the prefix, when it holds fewer rows than the group.
    expect(collection.explain(search('grace.hopper@ex'), PAGE)).toEqual({ index: 'searchWords', candidates: 1, sorted: false });
    expect(collection.explain(search('young1'), PAGE)).toEqual({ index: 'searchWords', candidates: 111, sorted: false });
    // A range that holds its whole 3-character group: the group, in page order, stops after the page.
    expect(collection.explain(search('young'), PAGE)).toEqual({ index: 'searchPrefixes_sortName', candidates: 300, sorted: true });
    await behavesAsAPrefixSearch(collection);
  });

  it('answers every search as a scan of the collection answers it, through whichever index', async () => {
    const indexed = new InMemoryReadStore().collection(CLIENTS);
    await indexed.ensureIndexes(clientListProjection.indexes);
    const scanned = new InMemoryReadStore().collection(CLIENTS);
    for (const collection of [indexed, scanned]) await collection.bulkWrite(rows().map((doc) => ({ kind: 'put', doc })));
    for (const text of ['g', 'gr', 'gra', 'grac', 'grace', 'grace.', 'grace hop', 'young', 'young12', 'zed29', 'aleck@ex', 'nobody']) {
      expect(indexed.explain(search(text), PAGE).index).not.toBeNull();
      expect(await names(indexed, text)).toEqual(await names(scanned, text));
    }
  });
});

describe('client search by prefix on MongoDB', () => {
  const server = new MongoTestServer();
  let started: StartedMongoTestServer;
  beforeAll(async () => {
    started = await server.start();
  });
  afterAll(() => server.stop());

  const urls = () => [['the wire-protocol test server', started.url], ...(process.env.MONGODB_TEST_URL ? [['MONGODB_TEST_URL', process.env.MONGODB_TEST_URL]] : [])];

  it('is planned on the searchPrefixes_sortName index, with no in-memory sort', async () => {
    for (const [, url] of urls()) {
      const store = await MongoReadStore.connect({ url, dbName: `client_search_plan_${Date.now()}` });
      try {
        const collection = store.collection(CLIENTS);
        await collection.ensureIndexes(clientListProjection.indexes);
        await collection.bulkWrite(rows().map((doc) => ({ kind: 'put', doc })));
        expect(await collection.explain(search('gra'), PAGE)).toEqual({ index: 'searchPrefixes_sortName', sorted: true });
        // A longer prefix: an IXSCAN over the range of whole words, then a sort of its few rows.
        expect(await collection.explain(search('grace.hopper@ex'), PAGE)).toEqual({ index: 'searchWords', sorted: false });
        await behavesAsAPrefixSearch(collection);
      } finally {
        await store.close();
      }
    }
  });
});
