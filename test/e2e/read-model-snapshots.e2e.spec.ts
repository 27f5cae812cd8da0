import { copyFileSync, existsSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSnapshotFile } from '@practice/read-store';
import { allProjections, PARKED_EVENTS, TOMBSTONES } from '@practice/read-models';
import { SNAPSHOT_FILE } from '../../apps/command-api/src/bootstrap/read-model-snapshots';
import { settleAfterCatchUp } from '../../apps/command-api/src/bootstrap/heap-release';
import { createdPractice, newDataDir, signedInUser, startTestApp, type TestApp } from '../support/test-app';
import { freePort, startProcess, waitForHttp } from '../support/processes';

const NO_SNAPSHOTS = { READ_MODEL_SNAPSHOTS: 'false' };

/** Every document of every read model, in id order: what a restart must serve again. */
const readModels = async (app: TestApp): Promise<Record<string, unknown[]>> => {
  const all: Record<string, unknown[]> = {};
  for (const name of [...allProjections.map((projection) => projection.name), PARKED_EVENTS, TOMBSTONES]) {
    all[name] = await app.runtime.readStore.collection(name).find({}, { sort: { _id: 1 } });
  }
  return all;
};

/** The same data directory started without snapshots: every read model rebuilt from the log. */
const rebuilt = async (dataDir: string): Promise<Record<string, unknown[]>> => {
  const app = await startTestApp(dataDir, NO_SNAPSHOTS);
  try {
    expect(app.runtime.snapshots).toBeUndefined();
    return await readModels(app);
  } finally {
    await app.stop();
  }
};

const clientIds = async (app: TestApp, practiceId: string, auth: { Authorization: string }, token?: string): Promise<string[]> => {
  const request = app.http().get(`/practices/${practiceId}/clients?limit=200`).set(auth);
  const list = await (token ? request.set('X-Consistency-Token', token) : request);
  expect(list.status).toBe(200);
  return list.body.items.map((item: { clientId: string }) => item.clientId).sort();
};

describe('Read-model snapshots of the embedded default', () => {
  const dataDir = newDataDir();
  const file = join(dataDir, SNAPSHOT_FILE);
  const ids: string[] = [];
  let practiceId: string;
  let auth: { Authorization: string };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const first = await startTestApp(dataDir);
    const user = await signedInUser(first);
    auth = user.auth;
    practiceId = await createdPractice(first, auth);
    const tag = await first.http().post(`/practices/${practiceId}/tags`).set(auth).send({ name: 'Telehealth' });
    for (let i = 0; i < 12; i += 1) {
      const created = await first.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: `C${i}`, lastName: 'Snapshot', email: `c${i}@snapshot.example` });
      ids.push(created.body.clientId);
    }
    await first.http().post(`/practices/${practiceId}/clients/${ids[0]}/tags`).set(auth).send({ tagId: tag.body.tagId });
    await first.http().post(`/practices/${practiceId}/clients/${ids[1]}/setup/complete`).set(auth);
    await first.stop();
  });

  it('is written at a clean shutdown, 0600, and a restart loads it: nothing to replay, the same documents as a full rebuild', async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await startTestApp(dataDir);
    {
      expect(second.runtime.projector!.status().eventsApplied).toBe(0);
      expect(await clientIds(second, practiceId, auth)).toEqual([...ids].sort());
      const attention = await second.http().get(`/practices/${practiceId}/needs-attention`).set(auth);
      expect(attention.body.items).toHaveLength(11);
      const duplicate = await second.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'D', lastName: 'Up', email: 'C3@snapshot.example' });
      expect(duplicate.status).toBe(409);
      const served = await readModels(second);
      await second.stop();
      expect(served).toEqual(await rebuilt(dataDir));
    }
  });

  it('catches up the events after the snapshot; read-your-writes tokens still work after the restart', async () => {
    const older = join(dataDir, 'older.snapshot');
    copyFileSync(file, older);
    const second = await startTestApp(dataDir);
    const later = await second.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'After', lastName: 'Snapshot' });
    const token = later.headers['x-consistency-token'];
    await second.stop();
    // The snapshot before those events: the next start loads it and replays only what came after.
    copyFileSync(older, file);
    rmSync(older);

    const third = await startTestApp(dataDir);
    {
      expect(third.runtime.projector!.status().eventsApplied).toBeGreaterThan(0);
      expect(await clientIds(third, practiceId, auth, token)).toEqual([...ids, later.body.clientId].sort());
      const fresh = await third.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Fresh', lastName: 'Token' });
      const freshToken = fresh.headers['x-consistency-token'];
      expect(Number(freshToken)).toBeGreaterThan(Number(token));
      expect(await clientIds(third, practiceId, auth, freshToken)).toContain(fresh.body.clientId);
      ids.push(later.body.clientId, fresh.body.clientId);
      const served = await readModels(third);
      await third.stop();
      expect(served).toEqual(await rebuilt(dataDir));
    }
  });

  /** A start on the data directory replays the whole log and serves every client. */
  const expectRebuiltFromLog = async (): Promise<void> => {
    const app = await startTestApp(dataDir);
    try {
      expect(app.runtime.projector!.status().eventsApplied).toBeGreaterThan(12);
      expect(await clientIds(app, practiceId, auth)).toEqual([...ids].sort());
    } finally {
      await app.stop();
    }
  };

  it('is ignored when written by another version of the projections: rebuilt from the log', async () => {
    const bogus = { _id: 'bogus', practiceId, firstName: 'Not', lastName: 'InTheLog' };
    await writeSnapshotFile(file, { version: 'another-version', position: 1_000_000, writtenAt: new Date().toISOString() }, {
      checkpoints: allProjections.map((projection) => [projection.name, 1_000_000] as const),
      collections: [{ name: 'clients', indexes: [], docs: [bogus], tombstones: [] }],
    });
    await expectRebuiltFromLog();
  });

  it('is ignored when corrupt (truncated): rebuilt from the log', async () => {
    expect(existsSync(file)).toBe(true);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    await expectRebuiltFromLog();
  });

  it('is written before the server listens after a start that rebuilt the read models, and then not again until more events', async () => {
    rmSync(file, { force: true });
    const app = await startTestApp(dataDir);
    try {
      const applied = app.runtime.projector!.status().eventsApplied;
      expect(applied).toBeGreaterThan(0);
      expect(await settleAfterCatchUp(app.runtime, applied + 1)).toBeUndefined();
      expect(existsSync(file)).toBe(false);
      expect(await settleAfterCatchUp(app.runtime, applied)).toMatchObject({ ms: expect.any(Number) });
      expect(existsSync(file)).toBe(true);
      const written = statSync(file).mtimeMs;
      await app.runtime.snapshots!.check();
      expect(statSync(file).mtimeMs).toBe(written);
    } finally {
      await app.stop();
    }
  });

  it('is written while running once SNAPSHOT_EVERY_EVENTS events were applied; a write cut short leaves only a temp file, removed at start', async () => {
    rmSync(file, { force: true });
    const leftover = join(dataDir, `.${SNAPSHOT_FILE}.4242.cut-short.tmp`);
    writeFileSync(leftover, 'PRACTICE-READ-SNAPSHOT\n', { mode: 0o600 });
    const app = await startTestApp(dataDir, { SNAPSHOT_EVERY_EVENTS: '1' });
    try {
      expect(existsSync(leftover)).toBe(false);
      await app.runtime.snapshots!.check();
      expect(existsSync(file)).toBe(true);
      const before = statSync(file).mtimeMs;
      await app.runtime.snapshots!.check();
      expect(statSync(file).mtimeMs).toBe(before);
    } finally {
      await app.stop();
    }
  });
});

describe('The server process on SIGTERM', () => {
  const dataDir = newDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the snapshot before it exits (Nest raising the signal again does not cut it short)', async () => {
    const port = await freePort();
    const server = startProcess('apps/command-api/src/main.ts', { PORT: String(port), DATA_DIR: dataDir, METRICS_PORT: '0', LOG_LEVEL: 'info', MESSAGES_ENABLED: 'false' });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`, server);
      const signUp = await fetch(`http://127.0.0.1:${port}/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'sigterm@example.com', password: 'correct horse battery', firstName: 'Sig', lastName: 'Term' }),
      });
      expect(signUp.status).toBe(201);
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(server.output()).toContain('read-model snapshot written');
      expect(statSync(join(dataDir, SNAPSHOT_FILE)).mode & 0o777).toBe(0o600);
    } finally {
      await server.stop();
    }
    // A corrupt snapshot is a warning (pino level 40) at the next start, which rebuilds from the log.
    truncateSync(join(dataDir, SNAPSHOT_FILE), 100);
    const again = startProcess('apps/command-api/src/main.ts', { PORT: String(port), DATA_DIR: dataDir, METRICS_PORT: '0', LOG_LEVEL: 'info', MESSAGES_ENABLED: 'false' });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`, again);
      const warning = again.output().split('\n').find((line) => line.includes('read-model snapshot ignored: corrupt'));
      expect(JSON.parse(warning!)).toMatchObject({ level: 40, msg: expect.stringContaining('rebuilding from the log') });
    } finally {
      await again.stop();
    }
  }, 240_000);
});
