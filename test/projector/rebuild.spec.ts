import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@practice/event-store';
import { InMemoryReadStore, type ReadStore, MongoReadStore } from '@practice/read-store';
import { eventCodec } from '@practice/events';
import { projectionNames } from '@practice/engines';
import { CLIENTS, allProjections, Projector, READ_MODEL_VERSIONS, VersionedReadStore } from '@practice/read-models';
import { rebuildReadModels } from '../../apps/projector/src/rebuild';
import { clientCreated } from '../../bench/bench-support';
import { MongoTestServer } from '../support/mongo-test-server';

const mongo = new MongoTestServer();
let mongoPort = 0;
beforeAll(async () => {
  mongoPort = (await mongo.start()).port;
});
afterAll(async () => mongo.stop());

const readStores: ReadonlyArray<[string, () => Promise<ReadStore>]> = [
  ['in memory', async () => new InMemoryReadStore()],
  [
    'MongoDB (wire-protocol test server)',
    () =>
      MongoReadStore.connect({
        url: `mongodb://127.0.0.1:${mongoPort}/?directConnection=true`,
        dbName: `rebuild_${randomUUID().slice(0, 8)}`,
      }),
  ],
];

describe.each(readStores)('Blue/green rebuild of the read models, %s', (_label, makeReadStore) => {
  let events: SqliteEventStore;
  let inner: ReadStore;
  const practiceId = randomUUID();
  const now = new Date().toISOString();

  const appendClients = async (from: number, count: number): Promise<void> => {
    for (let i = from; i < from + count; i += 1) {
      const chartId = randomUUID();
      await events.appendToStream(`chart-${chartId}`, [clientCreated(chartId, practiceId, i, now)], { expectedRevision: 'no_stream' });
    }
  };

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:', codec: eventCodec });
    inner = await makeReadStore();
  });

  afterEach(async () => {
    await events.close();
    await inner.close();
  });

  it('builds new collections aside, switches readers to them, and drops the old ones', async () => {
    await appendClients(0, 30);
    const readers = new VersionedReadStore(inner, projectionNames, undefined, 0);
    const live = new Projector(events, readers, allProjections);
    await live.start();
    expect(await readers.resolve(CLIENTS)).toBe(CLIENTS);
    expect(await readers.collection(CLIENTS).count({ practiceId })).toBe(30);

    const progress: string[] = [];
    const report = await rebuildReadModels(events, inner, { version: 'v2', progress: (line) => progress.push(line), graceMs: 0 });

    expect(report.version).toBe('v2');
    expect(await readers.resolve(CLIENTS)).toBe('clients__v2');
    expect(await readers.collection(CLIENTS).count({ practiceId })).toBe(30);
    expect(await inner.collection(CLIENTS).count({})).toBe(0); // the old collection is gone
    expect(report.dropped).toContain(CLIENTS);
    expect(progress[progress.length - 1]).toMatch(/100\.0%/);
    expect((await inner.collection(READ_MODEL_VERSIONS).get(CLIENTS))?.collection).toBe('clients__v2');
    await live.stop();
  });

  it('lets a projector restarted after the switch continue on the new collections with nothing lost or doubled', async () => {
    await appendClients(0, 10);
    await rebuildReadModels(events, inner, { version: 'v3', graceMs: 0 });
    await appendClients(10, 5);
    const readers = new VersionedReadStore(inner, projectionNames, undefined, 0);
    const projector = new Projector(events, readers, allProjections);
    await projector.start();
    expect(await readers.getCheckpoint(CLIENTS)).toBe(await events.headPosition());
    const names = (await readers.collection(CLIENTS).find({ practiceId }, { sort: { sortName: 1 } })).map((d) => d.firstName);
    expect(names).toHaveLength(15);
    expect(new Set(names).size).toBe(15);
    await projector.stop();
  });
});
