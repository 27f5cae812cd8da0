import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Test } from 'supertest';
import { EsdbTestServer } from '../support/esdb-test-server';
import { MongoTestServer } from '../support/mongo-test-server';
import { createdPractice, newDataDir, signedInUser, startTestApp, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

const asText = (test: Test): Test =>
  test.buffer(true).parse((res, callback) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => callback(null, text));
  });
const rowsOf = (body: string) =>
  body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; data?: Record<string, unknown> }).filter((l) => l.type === 'row').map((l) => l.data!);

/**
 * Production mode: the same exports, change feed, audit and CLI on EventStoreDB and MongoDB (the
 * protocol-level test servers, test harnesses only, through the real client libraries).
 */
describe('Exports, change feed, audit and the report CLI on EventStoreDB and MongoDB', () => {
  jest.setTimeout(300_000);
  const esdb = new EsdbTestServer();
  const mongo = new MongoTestServer();
  let env: Record<string, string>;
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  const clientIds: string[] = [];
  let created: string;

  beforeAll(async () => {
    const { url: eventStoreUrl } = await esdb.start();
    const { port } = await mongo.start();
    env = {
      EVENTSTORE_URL: eventStoreUrl,
      MONGODB_URL: `mongodb://127.0.0.1:${port}/practice_exports?directConnection=true`,
      TOKEN_SECRET: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
      SECRETS_KEY: randomBytes(32).toString('base64'),
    };
    // The projector runs in the app here, writing the read models to MongoDB.
    app = await startTestApp(newDataDir(), { ...env, EMBEDDED_PROJECTOR: 'true' });
    const owner = await signedInUser(app, 'Mona');
    auth = owner.auth;
    practiceId = await createdPractice(app, auth, 'On Mongo');
    for (const [firstName, lastName] of [['Ada', 'Lovelace'], ['Grace', 'Hopper']]) {
      const answer = await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName, lastName });
      clientIds.push(answer.body.clientId);
      created = answer.headers['x-consistency-token'];
    }
  });

  afterAll(async () => {
    await app?.destroy();
    await esdb.stop();
    await mongo.stop();
  });

  it('exports at a cut that later writes do not move, follows the change feed, and records both', async () => {
    const url = (path: string) => `/practices/${practiceId}${path}`;
    // The cut is what the read model reflects: after the token, both clients.
    const first = await asText(app.http().get(url('/exports/clients')).set(auth).set('X-Consistency-Token', created));
    expect(first.status).toBe(200);
    const cut = first.headers['x-export-position'];
    expect(rowsOf(first.body as string).map((r) => r.id).sort()).toEqual([...clientIds].sort());
    const feed = await app.http().get(url('/changes/clients')).set(auth);
    expect(feed.body.changes).toHaveLength(2);

    const renamed = await app.http().put(url(`/clients/${clientIds[0]}/legal-name`)).set(auth).send({ firstName: 'Augusta Ada', lastName: 'King' });
    const token = renamed.headers['x-consistency-token'];
    const again = await asText(app.http().get(url(`/exports/clients?position=${cut}`)).set(auth).set('X-Consistency-Token', token));
    expect(rowsOf(again.body as string)).toEqual(rowsOf(first.body as string));
    const delta = await app.http().get(url(`/changes/clients?since=${feed.body.nextSince}`)).set(auth).set('X-Consistency-Token', token);
    expect(delta.body.changes.map((c: { id: string }) => c.id)).toEqual([clientIds[0]]);

    const audit = await app.http().get(url('/audit/exports')).set(auth);
    expect(audit.body.items.map((r: { kind: string; dataset: string; status: string }) => `${r.kind} ${r.dataset} ${r.status}`).sort()).toEqual([
      'changes clients completed',
      'changes clients completed',
      'export clients completed',
      'export clients completed',
    ]);
  });

  it('runs npm run report with the core in process on MONGODB_URL + EVENTSTORE_URL', async () => {
    const out = join(app.dataDir, 'clients.csv');
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('npm', ['run', '-s', 'report', '--', 'clients', '--practice', practiceId, '--out', out], {
        cwd: ROOT,
        env: { ...process.env, ...env, DATA_DIR: newDataDir(), REPORT_TOKEN: auth.Authorization.slice(7), PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(run.output).toMatch(/^clients: 2 rows at log position \d+/);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(',Augusta Ada,King,');
    const audit = await app.http().get(`/practices/${practiceId}/audit/exports`).set(auth);
    expect(audit.body.items).toHaveLength(5);
  });
});
