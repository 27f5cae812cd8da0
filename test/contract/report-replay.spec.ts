import { InMemoryReadStore, MongoReadStore, type ReadStore } from '@practice/read-store';
import { applyBatch, REPORTS, reportProjection } from '@practice/read-models';
import { crashBatch, crashThenReplay, reportDocuments } from '../../libs/read-models/src/reports/report-replay.fixture';
import { MongoTestServer, type StartedMongoTestServer, UP_SERVER_DRIVER_OPTIONS } from '../support/mongo-test-server';

/**
 * A batch of report events crashes inside its writes (after 0, 1, 2, ... documents, the first or the
 * last documents of a bulk landing), then is replayed from the checkpoint: the counts are those of a
 * clean run, on the in-memory store and on MongoDB over the wire-protocol test server.
 */
const replaySpecs = (name: string, open: () => Promise<ReadStore>) =>
  describe(`report counts after a crash and a replay, on ${name}`, () => {
    let store: ReadStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store.close());

    for (const split of [0, 10]) {
      it(`are the counts of a clean run wherever the writes stopped (${split} events applied before the batch)`, async () => {
        await store.collection(REPORTS).drop();
        await applyBatch(reportProjection, store.collection(REPORTS), crashBatch.slice(0, split));
        await applyBatch(reportProjection, store.collection(REPORTS), crashBatch.slice(split));
        const expected = await reportDocuments(store);
        let crashes = 0;
        for (const reversed of [false, true]) {
          for (let budget = 0; ; budget += 1) {
            await store.collection(REPORTS).drop();
            const crashed = await crashThenReplay(store, crashBatch.slice(0, split), crashBatch.slice(split), budget, reversed);
            expect({ reversed, budget, documents: await reportDocuments(store) }).toEqual({ reversed, budget, documents: expected });
            if (!crashed) break;
            crashes += 1;
          }
        }
        expect(crashes).toBeGreaterThan(20);
      });
    }
  });

replaySpecs('the in-memory store', async () => new InMemoryReadStore());

const server = new MongoTestServer();
let started: StartedMongoTestServer;
beforeAll(async () => {
  started = await server.start();
});
afterAll(() => server.stop());

replaySpecs('MongoDB over the wire-protocol test server', () =>
  MongoReadStore.connect({ url: started.url, dbName: 'report_replay', clientOptions: UP_SERVER_DRIVER_OPTIONS }),
);
