import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbTestServer } from '../support/esdb-test-server';
import { MongoTestServer } from '../support/mongo-test-server';
import { EventStoreDbEventStore } from '@practice/event-store';
import { eventCodec } from '@practice/events';
import { startProjectorProcess, type ProjectorProcess } from '../../apps/projector/src/projector-process';
import { clientCreated } from '../../bench/bench-support';

/** The projector process's own /health: ok while it runs, 503 naming why once it has stopped. */
describe('The projector process /health when the projector stops (test servers)', () => {
  jest.setTimeout(60_000);
  const esdb = new EsdbTestServer();
  const mongo = new MongoTestServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'projector-health-'));
  const fatal: unknown[] = [];
  let running: ProjectorProcess;
  let events: EventStoreDbEventStore;

  beforeAll(async () => {
    const eventStoreUrl = (await esdb.start()).url;
    const mongoUrl = `mongodb://127.0.0.1:${(await mongo.start()).port}/health_spec?directConnection=true`;
    events = EventStoreDbEventStore.fromConnectionString(eventStoreUrl, eventCodec);
    running = await startProjectorProcess({ dataDir, eventStoreUrl, mongoUrl, port: 0, maxBatchSize: 50, logLevel: 'silent' }, (error) => fatal.push(error), () => undefined);
  });

  afterAll(async () => {
    await running.stop();
    await events.close();
    await esdb.stop();
    await mongo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const health = () => fetch(`http://127.0.0.1:${running.port}/health`);

  it('answers 200 while it runs, then 503 ProjectorStopped with the reason after a store failure', async () => {
    expect((await health()).status).toBe(200);

    mongo.failNextCommands(50, { commands: ['update', 'insert', 'delete'], code: 2, errmsg: 'injected bad value' });
    const chartId = randomUUID();
    await events.appendToStream(`chart-${chartId}`, [clientCreated(chartId, randomUUID(), 0, new Date().toISOString())], { expectedRevision: 'no_stream' });

    let response = await health();
    for (let i = 0; i < 300 && response.status === 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      response = await health();
    }
    mongo.failNextCommands(0);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'ProjectorStopped', status: 503, projector: { running: false, stopped: { reason: expect.any(String) } } });
    expect(body.reason).toEqual(expect.stringContaining('injected bad value'));
    expect(fatal).toHaveLength(1);
  });
});
