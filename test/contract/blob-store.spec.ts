import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MongoClient } from 'mongodb';
import { FileSystemBlobStore, GridFsBlobStore } from '@practice/blob-store';
import { MongoTestServer, type StartedMongoTestServer, UP_SERVER_DRIVER_OPTIONS } from '../support/mongo-test-server';
import { blobStoreContract } from './blob-store.contract';

/**
 * The blob store contract on the file system (the embedded default), on MongoDB GridFS through the
 * real driver over the wire-protocol TEST SERVER (always), and on a real MongoDB when MONGODB_TEST_URL
 * is set. Then what only one adapter can show: file modes, temp files, the GridFS collections.
 */

const DRIVER_OPTIONS = UP_SERVER_DRIVER_OPTIONS;
const uniqueDbName = (): string => `blobs_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

const testServer = new MongoTestServer();
let started: StartedMongoTestServer;
const realServerUrl = process.env.MONGODB_TEST_URL;

beforeAll(async () => {
  started = await testServer.start();
  console.info(`Blob store spec: GridFS runs use the wire-protocol TEST SERVER at ${started.url}`);
  console.info(realServerUrl ? 'Blob store spec: and a REAL MongoDB (MONGODB_TEST_URL)' : 'Blob store spec: MONGODB_TEST_URL is not set, so no run against a real MongoDB');
});

afterAll(() => testServer.stop());

/** Every file under a directory, as paths relative to it. */
const filesUnder = (root: string, dir = ''): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [join(dir, entry.name)],
  );

const openFileSystem = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'blobs-'));
  const root = join(dir, 'blobs');
  const store = await FileSystemBlobStore.open(root);
  return { store, root, storedCopies: async () => filesUnder(root).length, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
};

const openGridFs = (url: string) => async () => {
  const dbName = uniqueDbName();
  const client = await MongoClient.connect(url, DRIVER_OPTIONS);
  const store = GridFsBlobStore.over(client, dbName);
  const db = client.db(dbName);
  return {
    store,
    db,
    storedCopies: async () => db.collection('blobs.files').countDocuments(),
    cleanup: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
};

blobStoreContract('file system', openFileSystem);
blobStoreContract('GridFS over the wire-protocol test server', () => openGridFs(started.url)());
if (realServerUrl) blobStoreContract('GridFS on MONGODB_TEST_URL', openGridFs(realServerUrl));

describe('FileSystemBlobStore', () => {
  it('keeps its directories 0700 and its files 0600, content-addressed by the SHA-256', async () => {
    const { store, root, cleanup } = await openFileSystem();
    const { sha256 } = await store.put(Readable.from([Buffer.from('%PDF-1.7 a letter')]));
    const path = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(root).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, sha256.slice(0, 2))).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4))).mode & 0o777).toBe(0o700);
    expect(await store.pendingTempFiles()).toEqual([]);
    await cleanup();
  });

  it('removes, when it opens, the temp file of a put that a crash cut short', async () => {
    const { root, cleanup } = await openFileSystem();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'tmp', 'cut-short'), 'half a document');
    const reopened = await FileSystemBlobStore.open(root);
    expect(await reopened.pendingTempFiles()).toEqual([]);
    await cleanup();
  });
});

describe('GridFsBlobStore over the wire-protocol test server', () => {
  it('keeps the bytes in GridFS under their SHA-256, and an address per content', async () => {
    const { store, db, cleanup } = await openGridFs(started.url)();
    const { sha256 } = await store.put(Readable.from([Buffer.from('hello')]));
    const files = await db.collection('blobs.files').find().toArray();
    expect(files.map((file) => file.filename)).toEqual([sha256]);
    expect(await db.collection('blobs.sha256').find().toArray()).toEqual([{ _id: sha256, fileId: files[0]._id, size: 5 }]);
    await cleanup();
  });

  it('leaves no chunk of a refused put', async () => {
    const { store, db, cleanup } = await openGridFs(started.url)();
    await expect(store.put(Readable.from([Buffer.alloc(600_000)]), { maxBytes: 500_000 })).rejects.toThrow();
    expect(await db.collection('blobs.chunks').countDocuments()).toBe(0);
    expect(await db.collection('blobs.files').countDocuments()).toBe(0);
    await cleanup();
  });
});
