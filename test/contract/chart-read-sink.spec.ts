import { rmSync } from 'node:fs';
import { ReadStoreChartReadSink, SqliteChartReadSink, type ChartRead, type ChartReadSink } from '../../apps/command-api/src/application/chart-read-audit';
import { InMemoryReadStore, MongoReadStore } from '@practice/read-store';
import { MongoTestServer, type StartedMongoTestServer } from '../support/mongo-test-server';
import { newDataDir } from '../support/test-app';

/**
 * The chart read log pages in (`at`, `id`) order on every adapter: reads within the same millisecond
 * are told apart by their id, a page starts strictly after the one before, and another chart's or
 * another practice's reads never show.
 */
const chartReadSinkContract = (name: string, open: () => Promise<{ sink: ChartReadSink; cleanup: () => Promise<void> }>) => {
  describe(`chart read sink: ${name}`, () => {
    let sink: ChartReadSink;
    let cleanup: () => Promise<void>;
    const reads: ChartRead[] = [];

    beforeAll(async () => {
      ({ sink, cleanup } = await open());
      // Five reads share a millisecond; ids are written out of order.
      for (let i = 0; i < 9; i += 1) {
        const at = `2026-01-01T00:00:0${i < 5 ? 0 : i}.000Z`;
        const read = { id: `r-${(17 * i) % 9}`, userId: `u-${i}`, practiceId: 'p-1', chartId: 'c-1', view: 'chart', at };
        reads.push(read);
        await sink.write(read);
      }
      await sink.write({ id: 'other-chart', userId: 'u', practiceId: 'p-1', chartId: 'c-2', view: 'chart', at: '2026-01-01T00:00:00.000Z' });
      await sink.write({ id: 'other-practice', userId: 'u', practiceId: 'p-2', chartId: 'c-1', view: 'chart', at: '2026-01-01T00:00:00.000Z' });
    });

    afterAll(async () => cleanup());

    it('pages through every read of the chart once, in (at, id) order', async () => {
      const expected = [...reads].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)).map((r) => r.id);
      const seen: string[] = [];
      let after: { at: string; id: string } | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await sink.readsOf('p-1', 'c-1', { after, limit: 2 });
        seen.push(...page.map((r) => r.id));
        if (page.length < 2) break;
        after = { at: page[1].at, id: page[1].id };
      }
      expect(seen).toEqual(expected);
      expect((await sink.readsOf('p-1', 'c-1', { limit: 100 })).map((r) => r.id)).toEqual(expected);
      expect((await sink.readsOf('p-1', 'c-1', { limit: 1 }))[0]).toEqual(reads.find((r) => r.id === expected[0]));
    });
  });
};

chartReadSinkContract('SQLite', async () => {
  const dir = newDataDir();
  const sink = new SqliteChartReadSink(dir);
  return { sink, cleanup: async () => { await sink.close(); rmSync(dir, { recursive: true, force: true }); } };
});

chartReadSinkContract('read store (in memory)', async () => ({ sink: new ReadStoreChartReadSink(new InMemoryReadStore()), cleanup: async () => {} }));

const mongo = new MongoTestServer();
let started: StartedMongoTestServer;
beforeAll(async () => {
  started = await mongo.start();
});
afterAll(() => mongo.stop());

chartReadSinkContract('read store (MongoDB over the wire-protocol test server)', async () => {
  const store = await MongoReadStore.connect({ url: started.url, dbName: 'chart_reads_contract' });
  return { sink: new ReadStoreChartReadSink(store), cleanup: () => store.close() };
});
