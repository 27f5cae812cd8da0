import Database from 'better-sqlite3';
import { generateSecret, generateSync } from 'otplib';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, signedInUser, createdPractice, newDataDir, type TestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';
const modeOf = (path: string): number => statSync(path).mode & 0o777;
const modesIn = (dir: string): Record<string, number> =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, modeOf(join(dir, name))]));
/** What DATA_DIR's entries must be: directories (the blob store's `blobs`) 0700, files 0600. */
const privateModeOf = (path: string): number => (statSync(path).isDirectory() ? 0o700 : 0o600);
const privateModesIn = (dir: string): Record<string, number> =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, privateModeOf(join(dir, name))]));

/** A user with 2-step on, a practice, a client whose chart was read: every file of DATA_DIR written. */
const exercise = async (app: TestApp) => {
  const user = await signedInUser(app, 'Rest');
  const setup = await app.http().post('/me/two-factor/setup').set(user.auth);
  const secret: string = setup.body.secret;
  expect((await app.http().post('/me/two-factor/enable').set(user.auth).send({ code: generateSync({ secret }) })).status).toBe(200);
  const practiceId = await createdPractice(app, user.auth);
  const client = await app.http().post(`/practices/${practiceId}/clients`).set(user.auth).send({ firstName: 'Grace', lastName: 'Hopper' });
  expect(client.status).toBe(201);
  expect((await app.http().get(`/practices/${practiceId}/charts/${client.body.clientId}`).set(user.auth).set('X-Consistency-Token', client.headers['x-consistency-token'])).status).toBe(200);
  return { user, secret };
};

describe('Data at rest (embedded default)', () => {
  const parents: string[] = [];
  afterAll(() => parents.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const freshDataDir = (): string => {
    const parent = newDataDir();
    parents.push(parent);
    return join(parent, 'data');
  };

  it('creates a fresh DATA_DIR 0700 and every file in it 0600, SQLite -wal and -shm files too', async () => {
    const dataDir = freshDataDir();
    const app = await startTestApp(dataDir);
    try {
      await exercise(app);
      const files = modesIn(dataDir);
      expect(Object.keys(files)).toEqual(expect.arrayContaining([
        'events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm',
        'credentials.sqlite', 'credentials.sqlite-wal', 'credentials.sqlite-shm',
        'chart-reads.sqlite', 'chart-reads.sqlite-wal', 'chart-reads.sqlite-shm',
        'token-secret', 'secrets-key',
      ]));
      expect(modeOf(dataDir)).toBe(0o700);
      expect(files).toEqual(privateModesIn(dataDir));
    } finally {
      await app.stop();
    }
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modesIn(dataDir)).toEqual(privateModesIn(dataDir));
  });

  it('tightens an existing DATA_DIR left readable by others at start', async () => {
    const dataDir = freshDataDir();
    const first = await startTestApp(dataDir);
    await exercise(first);
    await first.stop();
    writeFileSync(join(dataDir, 'notes.txt'), 'left here by an operator', { mode: 0o644 });
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);

    const second = await startTestApp(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modesIn(dataDir)).toEqual(privateModesIn(dataDir));
    } finally {
      await second.stop();
    }
  });

  it('keeps 2-step secrets sealed in credentials.sqlite; 2-step sign-in works, also across a restart', async () => {
    const dataDir = freshDataDir();
    const app = await startTestApp(dataDir);
    let user: Awaited<ReturnType<typeof exercise>>['user'];
    let secret: string;
    try {
      ({ user, secret } = await exercise(app));
      const withCode = await app.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD, otp: generateSync({ secret }) });
      expect(withCode.status).toBe(200);
      for (const name of readdirSync(dataDir).filter((entry) => statSync(join(dataDir, entry)).isFile())) {
        expect(readFileSync(join(dataDir, name)).includes(secret)).toBe(false);
      }
    } finally {
      await app.stop();
    }
    const again = await startTestApp(dataDir);
    try {
      expect((await again.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD })).body.code).toBe('TwoFactorRequired');
      // The code of this time step signed in once already; a recovery-free proof: the next step's code.
      const next = generateSync({ secret, epoch: Math.floor((Date.now() + 30_000) / 1000) });
      expect((await again.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD, otp: next })).status).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it('seals a secret an earlier version stored plain, and 2-step sign-in with it still works', async () => {
    const dataDir = freshDataDir();
    const first = await startTestApp(dataDir);
    const { user } = await exercise(first);
    await first.stop();
    // What a version before sealing left: the secret as is.
    const plain = generateSecret();
    const raw = new Database(join(dataDir, 'credentials.sqlite'));
    raw.prepare('UPDATE two_factor SET active_secret = ?, last_totp_step = NULL WHERE user_id = ?').run(plain, user.userId);
    raw.close();

    const second = await startTestApp(dataDir);
    try {
      const check = new Database(join(dataDir, 'credentials.sqlite'), { readonly: true });
      const stored = check.prepare('SELECT active_secret FROM two_factor WHERE user_id = ?').get(user.userId) as { active_secret: string };
      check.close();
      expect(stored.active_secret).toMatch(/^enc:v1:/);
      expect(stored.active_secret).not.toContain(plain);
      const signIn = await second.http().post('/auth/sign-in').send({ email: user.email, password: PASSWORD, otp: generateSync({ secret: plain }) });
      expect(signIn.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
