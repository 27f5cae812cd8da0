import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { SqliteCredentialStore } from '../../apps/command-api/src/infrastructure/credential-store';
import { MongoCredentialStore } from '../../apps/command-api/src/infrastructure/mongo-credential-store';
import { ReadStoreUnavailableError } from '@practice/read-store';
import { CommandRecord, MongoTestServer, StartedMongoTestServer, UP_SERVER_DRIVER_OPTIONS } from '../support/mongo-test-server';
import { SecretBox, type SecretKeys } from '../../apps/command-api/src/infrastructure/secret-box';
import { credentialStoreContract, type CredentialStoreFixture } from './credential-store.contract';

/**
 * The credential store contract on SQLite (the embedded default), on MongoDB over the wire-protocol
 * TEST SERVER (always), and on a real MongoDB when MONGODB_TEST_URL is set. Then what only one adapter
 * can show: the rows and documents it leaves, its write concern, its errors.
 */

/** A short server selection keeps a refused connection (and the driver's retry timers) quick. */
const DRIVER_OPTIONS = UP_SERVER_DRIVER_OPTIONS;

const uniqueDbName = (): string => `credentials_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

const testServer = new MongoTestServer();
let started: StartedMongoTestServer;
const realServerUrl = process.env.MONGODB_TEST_URL;

beforeAll(async () => {
  started = await testServer.start();
  console.log(
    [
      'CredentialStore contract ran on: SQLite',
      `MongoDB over the wire-protocol TEST SERVER (${started.url})`,
      realServerUrl ? `the REAL MongoDB at ${redact(realServerUrl)} (MONGODB_TEST_URL)` : 'not on a real MongoDB (MONGODB_TEST_URL is not set)',
    ].join('; '),
  );
});

afterAll(() => testServer.stop());

const secretKeys = (): SecretKeys => ({ current: randomBytes(32), previous: [] });

credentialStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credentials-'));
  const box = new SecretBox(secretKeys());
  let store = new SqliteCredentialStore(dir, box);
  const raw = new Database(join(dir, 'credentials.sqlite'));
  return {
    store,
    stored: async (userId) =>
      (raw.prepare('SELECT pending_secret AS pendingSecret, active_secret AS activeSecret FROM two_factor WHERE user_id = ?').get(userId) as
        | { pendingSecret: string | null; activeSecret: string | null }
        | undefined) ?? undefined,
    storeAsIs: async (userId, { pendingSecret, activeSecret }) => {
      raw
        .prepare(
          `INSERT INTO two_factor (user_id, pending_secret, active_secret) VALUES (?, ?, ?)
           ON CONFLICT(user_id) DO UPDATE SET pending_secret = excluded.pending_secret, active_secret = excluded.active_secret`,
        )
        .run(userId, pendingSecret, activeSecret);
    },
    restart: async () => {
      await store.close();
      store = new SqliteCredentialStore(dir, box);
      return store;
    },
    cleanup: async () => {
      raw.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const mongoFixture = async (url: string, clientOptions: MongoClientOptions, dropDatabase: boolean): Promise<CredentialStoreFixture> => {
  const dbName = uniqueDbName();
  const secrets = new SecretBox(secretKeys());
  const connect = () => MongoCredentialStore.connect({ url, dbName, secrets, clientOptions });
  let store = await connect();
  const raw = await MongoClient.connect(url, clientOptions);
  const twoFactor = raw.db(dbName).collection<{ _id: string; pendingSecret: string | null; activeSecret: string | null }>('two_factor');
  return {
    store,
    stored: async (userId) => {
      const doc = await twoFactor.findOne({ _id: userId });
      return doc ? { pendingSecret: doc.pendingSecret, activeSecret: doc.activeSecret } : undefined;
    },
    storeAsIs: async (userId, { pendingSecret, activeSecret }) => {
      await twoFactor.updateOne({ _id: userId }, { $set: { pendingSecret, activeSecret }, $setOnInsert: { recoveryCodeHashes: [] } }, { upsert: true });
    },
    restart: async () => {
      await store.close();
      store = await connect();
      return store;
    },
    cleanup: async () => {
      await store.close();
      if (dropDatabase) await raw.db(dbName).dropDatabase();
      await raw.close();
    },
  };
};

credentialStoreContract('MongoDB over the wire-protocol test server', () => mongoFixture(started.url, DRIVER_OPTIONS, false));

if (realServerUrl) {
  credentialStoreContract(`MongoDB at ${redact(realServerUrl)} (MONGODB_TEST_URL)`, () => mongoFixture(realServerUrl, {}, true));
}

const LIMITS = { maxAttempts: 5, windowMs: 15 * 60 * 1000 };

describe('SqliteCredentialStore', () => {
  it('leaves no row behind when a sign-in resets the attempts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credentials-'));
    const store = new SqliteCredentialStore(dir, new SecretBox(secretKeys()));
    try {
      const now = new Date();
      const failed = await store.reserveSignInAttempt('key', now, LIMITS);
      if (failed.granted) await store.settleSignInAttempt('key', failed, { result: 'failed', lockUntil: null });
      const signedIn = await store.reserveSignInAttempt('key', now, LIMITS);
      if (signedIn.granted) await store.settleSignInAttempt('key', signedIn, { result: 'signed-in' });
      const raw = new Database(join(dir, 'credentials.sqlite'), { readonly: true });
      expect(raw.prepare('SELECT COUNT(*) AS n FROM sign_in_attempts').get()).toEqual({ n: 0 });
      raw.close();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens a data directory that counted failures only: running locks are kept, other counts forgotten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credentials-'));
    const lockedUntil = new Date(Date.now() + 600_000).toISOString();
    const old = new Database(join(dir, 'credentials.sqlite'));
    old.exec('CREATE TABLE sign_in_attempts (attempt_key TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until TEXT)');
    old.prepare('INSERT INTO sign_in_attempts VALUES (?, ?, ?)').run('locked', 5, lockedUntil);
    old.prepare('INSERT INTO sign_in_attempts VALUES (?, ?, ?)').run('counting', 3, null);
    old.prepare('INSERT INTO sign_in_attempts VALUES (?, ?, ?)').run('expired', 5, '2020-01-01T00:00:00.000Z');
    old.close();
    const store = new SqliteCredentialStore(dir, new SecretBox(secretKeys()));
    try {
      const now = new Date();
      expect(await store.reserveSignInAttempt('locked', now, LIMITS)).toEqual({ granted: false, until: lockedUntil });
      expect(await store.reserveSignInAttempt('counting', now, LIMITS)).toMatchObject({ granted: true, attempt: 1 });
      expect(await store.reserveSignInAttempt('expired', now, LIMITS)).toMatchObject({ granted: true, attempt: 1 });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteCredentialStore: credentials remembered between checks', () => {
  it('sees a password changed by another store on the same file (another process) at the very next read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credentials-'));
    const box = new SecretBox(secretKeys());
    const here = new SqliteCredentialStore(dir, box);
    const there = new SqliteCredentialStore(dir, box);
    try {
      const id = randomUUID();
      expect(await here.get(id)).toBeUndefined();
      await there.put(id, 'first hash');
      expect(await here.get(id)).toMatchObject({ passwordHash: 'first hash', version: 1 });
      expect(await here.get(id)).toMatchObject({ version: 1 });
      await there.put(id, 'second hash');
      expect(await here.get(id)).toMatchObject({ passwordHash: 'second hash', version: 2 });
    } finally {
      await here.close();
      await there.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees a row changed past the store (a plain connection) at the very next read, and its own change at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credentials-'));
    const store = new SqliteCredentialStore(dir, new SecretBox(secretKeys()));
    const raw = new Database(join(dir, 'credentials.sqlite'));
    try {
      const id = randomUUID();
      await store.put(id, 'hash');
      expect(await store.get(id)).toMatchObject({ version: 1 });
      raw.prepare('UPDATE credentials SET version = 7 WHERE user_id = ?').run(id);
      expect(await store.get(id)).toMatchObject({ version: 7 });
      raw.prepare('DELETE FROM credentials WHERE user_id = ?').run(id);
      expect(await store.get(id)).toBeUndefined();
      expect(await store.put(id, 'again')).toMatchObject({ version: 1 });
      expect(await store.put(id, 'and again')).toMatchObject({ passwordHash: 'and again', version: 2 });
      expect(await store.get(id)).toMatchObject({ passwordHash: 'and again', version: 2 });
    } finally {
      raw.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('MongoCredentialStore over the wire-protocol test server', () => {
  let dbName: string;
  let store: MongoCredentialStore;
  let raw: MongoClient;
  let records: CommandRecord[];
  let unsubscribe: () => void;

  beforeEach(async () => {
    dbName = uniqueDbName();
    store = await MongoCredentialStore.connect({ url: started.url, dbName, secrets: new SecretBox(secretKeys()), clientOptions: DRIVER_OPTIONS });
    raw = await MongoClient.connect(started.url, DRIVER_OPTIONS);
    records = [];
    unsubscribe = testServer.onCommand((record) => records.push(record));
  });

  afterEach(async () => {
    unsubscribe();
    await raw.db(dbName).dropDatabase();
    await raw.close();
    await store.close();
  });

  it('keeps one document per user and per key, under the documented collections and fields', async () => {
    await store.put('u1', 'hash');
    await store.putPendingTwoFactor('u1', 'SECRET');
    await store.activateTwoFactor('u1', ['r1']);
    const now = new Date('2026-01-01T00:00:00.000Z');
    await store.reserveSignInAttempt('k1', now, LIMITS);
    const db = raw.db(dbName);
    expect(await db.collection('credentials').find().toArray()).toEqual([{ _id: 'u1', passwordHash: 'hash', version: 1 }]);
    expect(await db.collection('two_factor').find().toArray()).toEqual([
      { _id: 'u1', pendingSecret: null, activeSecret: expect.stringMatching(/^enc:v1:/), recoveryCodeHashes: ['r1'] },
    ]);
    expect(await db.collection('sign_in_attempts').find().toArray()).toEqual([
      { _id: 'k1', attempts: 1, inFlight: 1, windowStartedAt: now.toISOString(), windowEndsAt: '2026-01-01T00:15:00.000Z', lastGranted: true },
    ]);
  });

  it('deletes the attempts document when a sign-in resets them', async () => {
    const slot = await store.reserveSignInAttempt('k1', new Date(), LIMITS);
    if (slot.granted) await store.settleSignInAttempt('k1', slot, { result: 'signed-in' });
    expect(await raw.db(dbName).collection('sign_in_attempts').countDocuments()).toBe(0);
  });

  it('reserves an attempt in one command', async () => {
    await store.reserveSignInAttempt('k1', new Date(), LIMITS);
    records.length = 0;
    await store.reserveSignInAttempt('k1', new Date(), LIMITS);
    expect(records.map((record) => record.name)).toEqual(['findAndModify']);
  });

  it('reads documents that counted failures only: running locks are kept, other counts forgotten', async () => {
    const lockedUntil = new Date(Date.now() + 600_000).toISOString();
    await raw.db(dbName).collection<{ _id: string; failures: number; lockedUntil: string | null }>('sign_in_attempts').insertMany([
      { _id: 'locked', failures: 5, lockedUntil },
      { _id: 'counting', failures: 3, lockedUntil: null },
      { _id: 'expired', failures: 5, lockedUntil: '2020-01-01T00:00:00.000Z' },
    ]);
    const now = new Date();
    expect(await store.getAttempts('locked', now)).toEqual({ attempts: 5, inFlight: 0, windowEndsAt: lockedUntil });
    expect(await store.reserveSignInAttempt('locked', now, LIMITS)).toEqual({ granted: false, until: lockedUntil });
    expect(await store.reserveSignInAttempt('counting', now, LIMITS)).toMatchObject({ granted: true, attempt: 1 });
    expect(await store.reserveSignInAttempt('expired', now, LIMITS)).toMatchObject({ granted: true, attempt: 1 });
    const counting = await raw.db(dbName).collection('sign_in_attempts').findOne({ _id: 'counting' as never });
    expect(Object.keys(counting!).sort()).toEqual(['_id', 'attempts', 'inFlight', 'lastGranted', 'windowEndsAt', 'windowStartedAt']);
  });

  it('asks a majority to acknowledge every write', async () => {
    await store.put('u1', 'hash');
    await store.putPendingTwoFactor('u1', 'SECRET');
    await store.activateTwoFactor('u1', ['r1']);
    await store.consumeRecoveryCode('u1', 'r1');
    const slot = await store.reserveSignInAttempt('k1', new Date(), LIMITS);
    if (slot.granted) await store.settleSignInAttempt('k1', slot, { result: 'failed', lockUntil: null });
    await store.removeTwoFactor('u1');
    const writes = records.filter((record) => ['update', 'delete', 'findAndModify', 'insert'].includes(record.name));
    expect(writes.map((record) => record.name)).toEqual(['findAndModify', 'update', 'update', 'update', 'findAndModify', 'update', 'delete']);
    for (const write of writes) expect(write.command.writeConcern).toEqual({ w: 'majority' });
  });

  it('changes the password and its version in one command', async () => {
    await store.put('u1', 'hash-1');
    records.length = 0;
    await store.put('u1', 'hash-2');
    expect(records.map((record) => record.name)).toEqual(['findAndModify']);
  });

  it('answers ReadStoreUnavailableError once closed', async () => {
    await store.close();
    await expect(store.get('u1')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
  });

  it('answers ReadStoreUnavailableError when the server drops the connection', async () => {
    testServer.failNextCommands(3, { commands: ['find'], closeConnection: true });
    try {
      await expect(store.get('u1')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    } finally {
      testServer.failNextCommands(0);
    }
  });
});

describe('MongoCredentialStore.connect', () => {
  it('fails with ReadStoreUnavailableError when no server answers', async () => {
    const nobody = new MongoTestServer();
    const { port } = await nobody.start();
    await nobody.stop();
    await expect(
      MongoCredentialStore.connect({
        url: `mongodb://127.0.0.1:${port}/?directConnection=true`,
        secrets: new SecretBox(secretKeys()),
        clientOptions: { serverSelectionTimeoutMS: 300 },
      }),
    ).rejects.toThrow(ReadStoreUnavailableError);
  });

  it('keeps the secrets in a database of their own, named after the one in the URL', async () => {
    const url = started.url.replace('/?', '/practice_spec?');
    const store = await MongoCredentialStore.connect({ url, secrets: new SecretBox(secretKeys()), clientOptions: DRIVER_OPTIONS });
    const raw = await MongoClient.connect(started.url, DRIVER_OPTIONS);
    try {
      await store.put('u1', 'hash');
      expect(await raw.db('practice_spec_credentials').collection('credentials').countDocuments()).toBe(1);
      expect(await raw.db('practice_spec').collection('credentials').countDocuments()).toBe(0);
    } finally {
      await raw.db('practice_spec_credentials').dropDatabase();
      await raw.close();
      await store.close();
    }
  });
});

/** The connection string without user and password, for the log. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
