import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbTestServer } from '../support/esdb-test-server';
import { MongoTestServer } from '../support/mongo-test-server';
import { EventStoreDbEventStore } from '@practice/event-store';
import { MongoReadStore } from '@practice/read-store';
import { eventCodec } from '@practice/events';
import { CLIENTS } from '@practice/read-models';
import { startProjectorProcess, type ProjectorProcess } from '../../apps/projector/src/projector-process';
import { rebuildReadModels } from '../../apps/projector/src/rebuild';
import { clientCreated } from '../../bench/bench-support';

const eventually = async (check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('The projector process (EventStoreDB and MongoDB test servers)', () => {
  jest.setTimeout(60_000);
  const esdb = new EsdbTestServer();
  const mongo = new MongoTestServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'projector-process-'));
  let running: ProjectorProcess;
  let events: EventStoreDbEventStore;
  let mongoUrl: string;
  const practiceId = randomUUID();

  const appendClients = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i += 1) {
      const chartId = randomUUID();
      await events.appendToStream(`chart-${chartId}`, [clientCreated(chartId, practiceId, i, new Date().toISOString())], { expectedRevision: 'no_stream' });
    }
  };

  beforeAll(async () => {
    const eventStoreUrl = (await esdb.start()).url;
    mongoUrl = `mongodb://127.0.0.1:${(await mongo.start()).port}/process_spec?directConnection=true`;
    events = EventStoreDbEventStore.fromConnectionString(eventStoreUrl, eventCodec);
    running = await startProjectorProcess({ dataDir, eventStoreUrl, mongoUrl, port: 0, maxBatchSize: 50, logLevel: 'silent' }, (error) => {
      throw error;
    }, () => undefined);
  });

  afterAll(async () => {
    await running.stop();
    await events.close();
    await esdb.stop();
    await mongo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves its lag in /health and /metrics', async () => {
    await appendClients(5);
    const head = await events.headPosition();
    await eventually(async () => running.projector().status().position >= head);
    const health = (await (await fetch(`http://127.0.0.1:${running.port}/health`)).json()) as { projector: { lag: unknown } };
    expect(health.projector.lag).toMatchObject({ eventsBehind: 0, secondsBehind: 0 });
    const metrics = await (await fetch(`http://127.0.0.1:${running.port}/metrics`)).text();
    expect(metrics).toMatch(/^projector_lag_events 0$/m);
    expect(metrics).toMatch(new RegExp(`^projector_position ${head}$`, 'm'));
  });

  it('follows a blue/green rebuild onto the new collections and keeps them current', async () => {
    const inner = await MongoReadStore.connect({ url: mongoUrl });
    try {
      // The default grace lets the running projector move to the new collections before the old are dropped.
      const report = await rebuildReadModels(events, inner, { version: 'blue2' });
      expect(report.version).toBe('blue2');
      await appendClients(3);
      const head = await events.headPosition();
      // The running projector notices the switch, restarts on the new collections and projects the new events.
      await eventually(async () => (await inner.getCheckpoint('clients__blue2')) === head);
      expect(await inner.collection('clients__blue2').count({ practiceId })).toBe(8);
      expect(await inner.collection(CLIENTS).count({})).toBe(0);
    } finally {
      await inner.close();
    }
  });
});
