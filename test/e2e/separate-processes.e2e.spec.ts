import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EsdbTestServer } from '../support/esdb-test-server';
import { MongoTestServer } from '../support/mongo-test-server';
import { startProcess, waitForHttp, type RunningProcess } from '../support/processes';

/**
 * Production mode: the command API and the projector as two processes on EventStoreDB and MongoDB
 * (here the protocol-level test servers, test harnesses only), talking through the real client
 * libraries. The whole skeleton flow, with read-your-writes across the two processes.
 */
describe('command-api and projector as separate processes on EventStoreDB and MongoDB', () => {
  jest.setTimeout(120_000);
  const esdb = new EsdbTestServer();
  const mongo = new MongoTestServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-core-prod-'));
  let api: RunningProcess;
  let projector: RunningProcess;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    const { url: eventStoreUrl } = await esdb.start();
    const { port: mongoPort } = await mongo.start();
    const env = {
      EVENTSTORE_URL: eventStoreUrl,
      MONGODB_URL: `mongodb://127.0.0.1:${mongoPort}/practice_e2e?directConnection=true`,
      TOKEN_SECRET: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
      SECRETS_KEY: randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
    };
    const apiPort = 3900 + (process.pid % 50);
    projector = startProcess('apps/projector/src/main.ts', { ...env, PROJECTOR_PORT: String(apiPort + 50) });
    // METRICS_PORT 0: any free port, so that suites running side by side do not meet on the default one.
    api = startProcess('apps/command-api/src/main.ts', { ...env, PORT: String(apiPort), METRICS_PORT: '0' });
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${apiPort}/health`, api),
      waitForHttp(`http://127.0.0.1:${apiPort + 50}/health`, projector),
    ]);
    http = () => request(`http://127.0.0.1:${apiPort}`);
  });

  afterAll(async () => {
    await api?.stop();
    await projector?.stop();
    await esdb.stop();
    await mongo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the whole flow, each read seeing the write before it', async () => {
    const email = `prod-${Date.now()}@example.com`;
    const password = 'a long enough password';
    expect((await http().post('/auth/sign-up').send({ email, password, firstName: 'Prod', lastName: 'User' })).status).toBe(201);
    const { accessToken } = (await http().post('/auth/sign-in').send({ email, password })).body;
    const auth = { Authorization: `Bearer ${accessToken}` };
    const { practiceId } = (await http().post('/practices').set(auth).send({ name: 'Production practice' })).body;

    const created = await http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Esdb', lastName: 'Mongo', email: 'em@example.com' });
    expect(created.status).toBe(201);
    const { clientId } = created.body;

    // Read-your-writes across processes: the API waits for the projector's checkpoint in MongoDB.
    const list = await http().get(`/practices/${practiceId}/clients`).set(auth).set('X-Consistency-Token', created.headers['x-consistency-token']);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([clientId]);
    const attention = await http().get(`/practices/${practiceId}/needs-attention`).set(auth).set('X-Consistency-Token', created.headers['x-consistency-token']);
    expect(attention.body.items.map((i: { chartId: string }) => i.chartId)).toEqual([clientId]);

    const duplicate = await http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Dup', lastName: 'Licate', email: 'EM@example.com' });
    expect(duplicate.status).toBe(409);

    const legal = await http().put(`/practices/${practiceId}/clients/${clientId}/legal-name`).set(auth).set('If-Match', created.headers.etag).send({ firstName: 'Legal', lastName: 'Name' });
    expect(legal.status).toBe(200);
    const complete = await http().post(`/practices/${practiceId}/clients/${clientId}/setup/complete`).set(auth).set('If-Match', legal.headers.etag);
    expect(complete.status).toBe(200);
    const token = complete.headers['x-consistency-token'];

    const chart = await http().get(`/practices/${practiceId}/charts/${clientId}`).set(auth).set('X-Consistency-Token', token);
    expect(chart.body).toMatchObject({ identity: { legalName: { firstName: 'Legal', lastName: 'Name' } }, setup: { complete: true } });
    const after = await http().get(`/practices/${practiceId}/needs-attention`).set(auth).set('X-Consistency-Token', token);
    expect(after.body.items).toEqual([]);
    const history = await http().get(`/practices/${practiceId}/charts/${clientId}/history`).set(auth);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['ClientCreated', 'LegalNameSet', 'ClientSetupCompleted']);

    const health = await http().get('/health');
    expect(health.body.projector.lag).toMatchObject({ eventsBehind: 0 });
  });
});
