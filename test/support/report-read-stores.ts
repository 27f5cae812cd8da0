import { InMemoryReadStore, MongoReadStore, type ReadStore } from '@practice/read-store';
import { type CommandRecord, MongoTestServer, type StartedMongoTestServer, UP_SERVER_DRIVER_OPTIONS } from './mongo-test-server';

/**
 * The same report specs on the in-memory store and on MongoDB (the driver over the wire-protocol test
 * server, as a mongos so that the driver sends the read preference of each find and the spec can see
 * it), then a check that the reports' finds of `collection` went with readPreference
 * secondaryPreferred. The projector's own reads (getMany: `_id: {$in: [...]}`) stay on the primary.
 */
export const reportSpecsOnBothStores = (
  collection: string,
  dbName: string,
  specs: (name: string, open: () => Promise<ReadStore>) => void,
): void => {
  specs('the in-memory store', async () => new InMemoryReadStore());

  const server = new MongoTestServer({ asMongos: true });
  let started: StartedMongoTestServer;
  const commands: CommandRecord[] = [];
  beforeAll(async () => {
    started = await server.start();
    server.onCommand((record) => commands.push(record));
  });
  afterAll(() => server.stop());

  specs('MongoDB over the wire-protocol test server', () =>
    MongoReadStore.connect({ url: started.url, dbName, clientOptions: UP_SERVER_DRIVER_OPTIONS }),
  );

  describe(`${collection} reads on MongoDB`, () => {
    it(`are finds of the ${collection} collection sent with readPreference secondaryPreferred`, () => {
      const finds = commands.filter((record) => record.name === 'find' && record.command.find === collection && record.command.filter?._id?.$in === undefined);
      expect(finds.length).toBeGreaterThan(0);
      expect(finds.map((record) => record.command.$readPreference?.mode ?? 'not sent')).toEqual(finds.map(() => 'secondaryPreferred'));
    });
  });
};
