import { randomUUID } from 'node:crypto';
import { EsdbTestServer } from '../support/esdb-test-server';
import { MongoTestServer } from '../support/mongo-test-server';
import { EventStoreDbEventStore, passThroughCodec } from '@practice/event-store';
import { MongoReadStore, type ReadDocument, type ReadStore } from '@practice/read-store';
import { eventCodec, type NewEvent } from '@practice/events';
import { allProjections, CLIENTS, defineProjection, PARKED_EVENTS, Projector } from '@practice/read-models';
import { clientCreated } from '../../bench/bench-support';

/**
 * The projector's faults, on EventStoreDB and MongoDB through their real client libraries (against
 * the protocol-level test servers, test harnesses only).
 */
interface Counter extends ReadDocument {
  readonly ticks: number;
}
// Counting makes a double application visible: a replayed event that slipped the guard adds one.
const counters = defineProjection<Counter>({
  name: 'fault_counters',
  indexes: [],
  documentIds: (event) => [(event.data as { chartId: string }).chartId],
  handlers: { ClientCreated: (doc, _e, id) => ({ _id: id, ticks: (doc?.ticks ?? 0) + 1 }) },
});

/** A read store whose checkpoint write fails once: the process "dies" after the batch, before the checkpoint. */
const crashingOnCheckpoint = (inner: ReadStore): ReadStore & { crashed: boolean } => {
  const store = {
    crashed: false,
    collection: inner.collection.bind(inner),
    getCheckpoint: inner.getCheckpoint.bind(inner),
    listCollections: inner.listCollections.bind(inner),
    close: inner.close.bind(inner),
    setCheckpoint: async (name: string, position: number) => {
      if (!store.crashed) {
        store.crashed = true;
        throw new Error('killed between the batch and its checkpoint');
      }
      return inner.setCheckpoint(name, position);
    },
  };
  return store;
};

const eventually = async (check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('Projector faults on EventStoreDB and MongoDB (test servers)', () => {
  jest.setTimeout(60_000);
  const esdb = new EsdbTestServer();
  const mongo = new MongoTestServer();
  let esdbUrl: string;
  let mongoUrl: string;

  beforeAll(async () => {
    esdbUrl = (await esdb.start()).url;
    mongoUrl = `mongodb://127.0.0.1:${(await mongo.start()).port}/?directConnection=true`;
  });

  afterAll(async () => {
    await esdb.stop();
    await mongo.stop();
  });

  const connect = async () => ({
    events: EventStoreDbEventStore.fromConnectionString(esdbUrl, eventCodec),
    reads: await MongoReadStore.connect({ url: mongoUrl, dbName: `faults_${randomUUID().slice(0, 8)}` }),
  });

  const appendClients = async (events: EventStoreDbEventStore, practiceId: string, count: number): Promise<void> => {
    const now = new Date().toISOString();
    for (let i = 0; i < count; i += 1) {
      const chartId = randomUUID();
      await events.appendToStream(`chart-${chartId}`, [clientCreated(chartId, practiceId, i, now)], { expectedRevision: 'no_stream' });
    }
  };

  it('applies no event twice and loses none when killed between a batch and its checkpoint', async () => {
    const { events, reads } = await connect();
    const practiceId = randomUUID();
    await appendClients(events, practiceId, 40);

    const crashing = crashingOnCheckpoint(reads);
    const failures: unknown[] = [];
    const first = new Projector(events, crashing, [counters], { onError: (error) => failures.push(error) });
    await first.start().catch(() => undefined);
    await eventually(async () => failures.length > 0);
    await first.stop();
    expect(crashing.crashed).toBe(true);
    expect(await reads.getCheckpoint('fault_counters')).toBeUndefined();

    const second = new Projector(events, reads, [counters]);
    await second.start();
    const docs = await reads.collection<Counter>('fault_counters').find({});
    const ours = docs.length;
    expect(ours).toBeGreaterThanOrEqual(40);
    expect(docs.every((doc) => doc.ticks === 1)).toBe(true);
    await second.stop();
    await events.close();
    await reads.close();
  });

  it('parks a poison event with its reason and goes on', async () => {
    const { events, reads } = await connect();
    const practiceId = randomUUID();
    // Written past the schema check, as a buggy or older writer could have.
    const raw = EventStoreDbEventStore.fromConnectionString(esdbUrl, passThroughCodec);
    const chartId = randomUUID();
    const poison: NewEvent = { ...clientCreated(chartId, practiceId, 0, new Date().toISOString()), data: { chartId, practiceId, nonsense: true } };
    await raw.appendToStream(`chart-${chartId}`, [poison], { expectedRevision: 'no_stream' });
    await appendClients(events, practiceId, 3);

    const projector = new Projector(events, reads, allProjections);
    await projector.start();
    const parked = await reads.collection(PARKED_EVENTS).find({ streamId: `chart-${chartId}` });
    expect(parked).toEqual([expect.objectContaining({ type: 'ClientCreated', reason: expect.stringMatching(/firstName|nonsense/) })]);
    expect(await reads.collection(CLIENTS).count({ practiceId })).toBe(3);
    expect(projector.status().parked).toBeGreaterThanOrEqual(1);
    await projector.stop();
    await raw.close();
    await events.close();
    await reads.close();
  });

  it('resumes from where it was when the server drops the subscription mid-stream', async () => {
    const { events, reads } = await connect();
    const practiceId = randomUUID();
    const projector = new Projector(events, reads, [counters, ...allProjections], { maxBatchSize: 5 });
    await projector.start();
    const writing = appendClients(events, practiceId, 60);
    await eventually(async () => (await reads.collection(CLIENTS).count({ practiceId })) >= 10);
    expect(esdb.dropAllSubscriptions()).toBeGreaterThan(0);
    await writing;
    const head = await events.headPosition();
    await eventually(async () => projector.status().position >= head);

    expect(await reads.collection(CLIENTS).count({ practiceId })).toBe(60);
    const docs = await reads.collection<Counter>('fault_counters').find({});
    expect(docs.every((doc) => doc.ticks === 1)).toBe(true);
    await projector.stop();
    await events.close();
    await reads.close();
  });
});
