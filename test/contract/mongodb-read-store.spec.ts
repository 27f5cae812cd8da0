import { MongoClient, MongoServerError, type Document } from 'mongodb';
import { MongoReadStore, DuplicateKeyError, ReadDocument, ReadStoreUnavailableError, WriteOp } from '@practice/read-store';
import { CommandRecord, MongoTestServer, StartedMongoTestServer, UP_SERVER_DRIVER_OPTIONS } from '../support/mongo-test-server';
import { readStoreContract } from './read-store.contract';

/**
 * The MongoDB adapter against the wire-protocol TEST SERVER (always), and against a real MongoDB when
 * MONGODB_TEST_URL is set. The real driver does the talking in both cases.
 */

const testServer = new MongoTestServer();
let started: StartedMongoTestServer;

beforeAll(async () => {
  started = await testServer.start();
  console.info(`MongoDB read store spec: contract run 1 uses the wire-protocol TEST SERVER at ${started.url}`);
  const realUrl = process.env.MONGODB_TEST_URL;
  console.info(
    realUrl
      ? `MongoDB read store spec: contract run 2 uses the REAL MongoDB at ${redact(realUrl)} (MONGODB_TEST_URL)`
      : 'MongoDB read store spec: MONGODB_TEST_URL is not set, so no run against a real MongoDB',
  );
});

afterAll(() => testServer.stop());

readStoreContract('MongoDB over the wire-protocol test server', async () => {
  const store = await MongoReadStore.connect({ url: started.url, dbName: 'read_store_contract' });
  return { store, cleanup: () => store.close() };
});

const realServerUrl = process.env.MONGODB_TEST_URL;
if (realServerUrl) {
  readStoreContract(`MongoDB at ${redact(realServerUrl)} (MONGODB_TEST_URL)`, async () => {
    const store = await MongoReadStore.connect({ url: realServerUrl, dbName: 'read_store_contract' });
    return { store, cleanup: () => store.close() };
  });
}

/**
 * The driver (6.22) leaves the server-selection timer of a retried operation running until it
 * expires; a selection timeout below the default 30 s bounds that (and Jest's forceExit ends the run
 * regardless), while leaving room for a handshake delayed by a long collection in a --runInBand run.
 */
const DRIVER_OPTIONS = UP_SERVER_DRIVER_OPTIONS;

const put = (doc: ReadDocument, position?: number): WriteOp => ({ kind: 'put', doc, position });
const del = (id: string, position?: number): WriteOp => ({ kind: 'delete', id, position });

describe('MongoReadStore over the wire-protocol test server', () => {
  const dbName = 'read_store_adapter';
  let store: MongoReadStore;
  let raw: MongoClient;
  let records: CommandRecord[];
  let unsubscribe: () => void;
  let collectionCounter = 0;

  beforeEach(async () => {
    store = await MongoReadStore.connect({ url: started.url, dbName, clientOptions: DRIVER_OPTIONS });
    raw = await MongoClient.connect(started.url, DRIVER_OPTIONS);
    records = [];
    unsubscribe = testServer.onCommand((record) => records.push(record));
  });

  afterEach(async () => {
    unsubscribe();
    testServer.failNextCommands(0);
    await raw.db(dbName).dropDatabase();
    await raw.close();
    await store.close();
  });

  const newName = (): string => `adapter_${++collectionCounter}`;
  const rawDocs = (name: string): Promise<Document[]> => raw.db(dbName).collection(name).find({}, { sort: { _id: 1 } }).toArray();
  const recorded = (name: string): CommandRecord[] => records.filter((record) => record.name === name);

  describe('writes', () => {
    it('sends one unordered bulk per call, with majority write concern', async () => {
      const docs = store.collection(newName());
      await docs.bulkWrite([put({ _id: 'a' }, 1), put({ _id: 'b' }), del('c', 1), del('d')]);
      const updates = recorded('update');
      expect(updates).toHaveLength(1);
      expect(updates[0].command.ordered).toBe(false);
      expect(updates[0].command.updates).toHaveLength(4);
      expect(updates[0].command.writeConcern).toMatchObject({ w: 'majority' });
    });

    it('swallows the duplicate _id refusal of a replayed older put, and changes nothing', async () => {
      const name = newName();
      const docs = store.collection(name);
      await docs.bulkWrite([put({ _id: 'a', v: 'at 10' }, 10)]);
      await expect(docs.bulkWrite([put({ _id: 'a', v: 'at 9' }, 9)])).resolves.toBeUndefined();

      const writeErrors = recorded('update').flatMap((record) => (record.reply.writeErrors as Document[]) ?? []);
      expect(writeErrors).toEqual([expect.objectContaining({ code: 11000, errmsg: expect.stringContaining('index: _id_') })]);
      expect(await docs.get('a')).toEqual({ _id: 'a', v: 'at 10', _position: 10 });
    });

    it('keeps deleted documents as tombstones that no read can see', async () => {
      const name = newName();
      const docs = store.collection(name);
      await docs.bulkWrite([put({ _id: 'a', v: 1 }, 5), put({ _id: 'b', v: 1 }, 5), put({ _id: 'c', v: 1 })]);
      await docs.bulkWrite([del('a', 8), del('b'), del('c')]);

      expect(await rawDocs(name)).toEqual([
        { _id: 'a', _position: 8, _deleted: true },
        { _id: 'b', _position: 5, _deleted: true },
        { _id: 'c', _deleted: true },
      ]);
      expect(await docs.get('a')).toBeNull();
      expect((await docs.getMany(['a', 'b', 'c'])).size).toBe(0);
      expect(await docs.find({})).toEqual([]);
      expect(await docs.find({}, { projection: { v: 0 } })).toEqual([]);
      expect(await docs.count({})).toBe(0);
    });

    it('never shows the live marker, whatever the projection', async () => {
      const docs = store.collection(newName());
      await docs.bulkWrite([put({ _id: 'a', v: 1, w: 2 })]);
      expect(await docs.find({}, { projection: { w: 0 } })).toEqual([{ _id: 'a', v: 1 }]);
      expect(await docs.find({}, { projection: { _id: 0 } })).toEqual([{ v: 1, w: 2 }]);
      expect(await docs.find({}, { projection: { _id: 1 } })).toEqual([{ _id: 'a' }]);
      expect(await docs.find({}, { projection: { v: 1 } })).toEqual([{ _id: 'a', v: 1 }]);
    });
  });

  describe('unique indexes', () => {
    const emailUnique = { name: 'email_unique', keys: { email: 1 }, unique: true } as const;

    it('turns a refusal by a unique index into DuplicateKeyError naming the index and key', async () => {
      const docs = store.collection(newName());
      await docs.ensureIndexes([emailUnique]);
      await docs.bulkWrite([put({ _id: 'a', email: 'x@example.com' }, 1)]);
      const error = await docs.bulkWrite([put({ _id: 'b', email: 'x@example.com' }, 2)]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DuplicateKeyError);
      expect(error).toMatchObject({ collection: docs.name, index: 'email_unique', key: { email: 'x@example.com' } });
    });

    it('creates unique indexes over live documents only, so tombstones hold no keys', async () => {
      const name = newName();
      const docs = store.collection(name);
      await docs.ensureIndexes([emailUnique]);
      const [, index] = await raw.db(dbName).collection(name).indexes();
      expect(index).toMatchObject({ name: 'email_unique', unique: true, partialFilterExpression: { _deleted: false } });

      // Neither document has an email (null in the index): the tombstones of both must not collide.
      await docs.bulkWrite([put({ _id: 'a' }, 1)]);
      await docs.bulkWrite([del('a', 2)]);
      await docs.bulkWrite([put({ _id: 'b' }, 3)]);
      await docs.bulkWrite([del('b', 4)]);
      await docs.bulkWrite([put({ _id: 'c' }, 5)]);
      expect((await docs.find({})).map((doc) => doc._id)).toEqual(['c']);
    });

    it('reports a unique index that cannot be built over colliding documents as DuplicateKeyError', async () => {
      const docs = store.collection(newName());
      await docs.bulkWrite([put({ _id: 'a', email: 'x' }), put({ _id: 'b', email: 'x' })]);
      await expect(docs.ensureIndexes([emailUnique])).rejects.toMatchObject({ name: 'DuplicateKeyError', index: 'email_unique' });
    });
  });

  describe('checkpoints', () => {
    it('stores {_id: projection, position} in the checkpoints collection, which is not listed', async () => {
      await store.setCheckpoint('client_list', 42);
      expect(await rawDocs('checkpoints')).toEqual([{ _id: 'client_list', position: 42 }]);
      expect(recorded('update')[0].command.writeConcern).toMatchObject({ w: 'majority' });
      expect(await store.listCollections()).not.toContain('checkpoints');
      expect(() => store.collection('checkpoints')).toThrow(TypeError);
    });
  });

  describe('reads', () => {
    it('pages through a result larger than one batch with getMore', async () => {
      const docs = store.collection(newName());
      await docs.bulkWrite(Array.from({ length: 250 }, (_, i) => put({ _id: `d${String(i).padStart(3, '0')}`, i }, i + 1)));
      const found = await docs.find({ i: { $gte: 0 } }, { sort: { i: -1 } });
      expect(found).toHaveLength(250);
      expect(found[0]).toEqual({ _id: 'd249', i: 249, _position: 250 });
      expect(recorded('getMore').length).toBeGreaterThan(0);
      expect(await docs.count({ i: { $lt: 10 } })).toBe(10);
    });
  });

  describe('when the connection fails', () => {
    it('works again after the server dropped every connection', async () => {
      const docs = store.collection(newName());
      await docs.bulkWrite([put({ _id: 'a', v: 1 }, 1)]);
      expect(testServer.dropConnections()).toBeGreaterThan(0);

      // The first call may see the dead socket (a write is not retried on a standalone); a retry must succeed.
      expect(await untilAvailable(() => docs.get('a'))).toEqual({ _id: 'a', v: 1, _position: 1 });
      testServer.dropConnections();
      await untilAvailable(() => docs.bulkWrite([put({ _id: 'a', v: 2 }, 2)]));
      expect(await docs.get('a')).toEqual({ _id: 'a', v: 2, _position: 2 });
    });

    it('reports a connection closed mid-write as ReadStoreUnavailableError, and the retry applies once', async () => {
      const docs = store.collection(newName());
      testServer.failNextCommands(1, { commands: ['update'], closeConnection: true });
      await expect(docs.bulkWrite([put({ _id: 'a', v: 1 }, 1)])).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      await docs.bulkWrite([put({ _id: 'a', v: 1 }, 1)]);
      expect(await docs.find({})).toEqual([{ _id: 'a', v: 1, _position: 1 }]);
    });

    it('reports a server that cannot serve as ReadStoreUnavailableError, once the driver retry fails too', async () => {
      const docs = store.collection(newName());
      await docs.bulkWrite([put({ _id: 'a' })]);
      testServer.failNextCommands(2, { commands: ['find'], code: 89, errmsg: 'injected network timeout' });
      await expect(docs.get('a')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      expect(await docs.get('a')).toEqual({ _id: 'a' });
    });

    it('passes a server error that is not about availability on unchanged', async () => {
      const docs = store.collection(newName());
      testServer.failNextCommands(1, { commands: ['find'], code: 2, errmsg: 'injected bad value' });
      const error = await docs.find({}).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MongoServerError);
      expect(error).toMatchObject({ code: 2 });
    });

    it('reports ReadStoreUnavailableError while the server is down, and recovers when it is back', async () => {
      const ownServer = new MongoTestServer();
      const { port, url } = await ownServer.start();
      const own = await MongoReadStore.connect({
        url,
        dbName,
        clientOptions: { serverSelectionTimeoutMS: 300, heartbeatFrequencyMS: 500 },
      });
      try {
        const docs = own.collection(newName());
        await docs.bulkWrite([put({ _id: 'a' }, 1)]);
        await ownServer.stop();
        await expect(docs.bulkWrite([put({ _id: 'b' }, 2)])).rejects.toBeInstanceOf(ReadStoreUnavailableError);
        await expect(docs.get('a')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
        await ownServer.start(port);
        expect(await untilAvailable(() => docs.get('a'))).toEqual({ _id: 'a', _position: 1 });
      } finally {
        await own.close();
        await ownServer.stop();
      }
    });

    it('fails to connect with ReadStoreUnavailableError when nothing listens', async () => {
      const ownServer = new MongoTestServer();
      const { url } = await ownServer.start();
      await ownServer.stop();
      await expect(
        MongoReadStore.connect({ url, clientOptions: { serverSelectionTimeoutMS: 200 } }),
      ).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    });

    it('rejects every call with ReadStoreUnavailableError once closed', async () => {
      const docs = store.collection(newName());
      await store.close();
      await expect(docs.get('a')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      await expect(docs.bulkWrite([put({ _id: 'a' })])).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      await expect(store.getCheckpoint('p')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    });
  });

  describe('the test server itself', () => {
    it('answers an unknown command with CommandNotFound (code 59)', async () => {
      const error = await raw.db(dbName).command({ notARealCommand: 1 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MongoServerError);
      expect(error).toMatchObject({ code: 59, codeName: 'CommandNotFound', errmsg: "no such command: 'notARealCommand'" });
    });

    it('stops an ordered insert at the first duplicate, and goes on with an unordered one', async () => {
      const ordered = raw.db(dbName).collection<Document>(newName());
      const docs = [{ _id: 'a' }, { _id: 'a' }, { _id: 'b' }] as never[];
      await expect(ordered.insertMany(docs, { ordered: true })).rejects.toMatchObject({ code: 11000 });
      expect(await ordered.countDocuments()).toBe(1);
      const unordered = raw.db(dbName).collection<Document>(newName());
      await expect(unordered.insertMany(docs, { ordered: false })).rejects.toMatchObject({ code: 11000 });
      expect(await unordered.countDocuments()).toBe(2);
    });

    it('hands out a cursor in batches, and forgets it when the client closes it early', async () => {
      const collection = raw.db(dbName).collection<Document>(newName());
      await collection.insertMany(Array.from({ length: 5 }, (_, i) => ({ i })));
      const cursor = collection.find({}, { batchSize: 2, sort: { i: 1 } });
      expect(await cursor.next()).toMatchObject({ i: 0 });
      expect(testServer.openCursors).toBe(1);
      await cursor.close();
      expect(testServer.openCursors).toBe(0);
      expect(recorded('killCursors')).toHaveLength(1);
      const counted = await raw.db(dbName).command({ count: collection.collectionName, query: { i: { $gte: 3 } } });
      expect(counted).toMatchObject({ n: 2, ok: 1 });
    });

    it('applies update operators and $setOnInsert on upsert, as MongoDB does', async () => {
      const collection = raw.db(dbName).collection<Document>(newName());
      await collection.updateOne({ _id: 'k' as never, kind: 'x' }, { $inc: { n: 1 }, $setOnInsert: { created: true } }, { upsert: true });
      await collection.updateOne({ _id: 'k' as never }, { $inc: { n: 1 }, $setOnInsert: { created: false } }, { upsert: true });
      expect(await collection.findOne({ _id: 'k' as never })).toEqual({ _id: 'k', kind: 'x', n: 2, created: true });
    });
  });
});

/** Retries while the store reports itself unavailable: the driver needs a moment to reconnect. */
async function untilAvailable<T>(attempt: () => Promise<T>, deadlineMs = 10_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ReadStoreUnavailableError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//<credentials>@');
}
