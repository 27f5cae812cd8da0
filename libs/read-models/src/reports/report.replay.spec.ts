import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { REPORTS, reportProjection } from './report.projection';
import { crashBatch, crashThenReplay, reportDocuments } from './report-replay.fixture';

/** The counts a clean run leaves, for a split of the batch into an applied part and a crashed one. */
const clean = async (split: number) => {
  const store = new InMemoryReadStore();
  await applyBatch(reportProjection, store.collection(REPORTS), crashBatch.slice(0, split));
  await applyBatch(reportProjection, store.collection(REPORTS), crashBatch.slice(split));
  return reportDocuments(store);
};

describe('reports projection: a crash inside a batch, then its replay', () => {
  for (const split of [0, 10]) {
    for (const reversed of [false, true]) {
      it(`leaves the counts of a clean run wherever the write stopped (${split} events before the batch, ${reversed ? 'last' : 'first'} documents landed)`, async () => {
        const expected = await clean(split);
        let crashes = 0;
        for (let budget = 0; ; budget += 1) {
          const store = new InMemoryReadStore();
          const crashed = await crashThenReplay(store, crashBatch.slice(0, split), crashBatch.slice(split), budget, reversed);
          expect({ budget, documents: await reportDocuments(store) }).toEqual({ budget, documents: expected });
          if (!crashed) break;
          crashes += 1;
        }
        expect(crashes).toBeGreaterThan(10);
      });
    }
  }
});
