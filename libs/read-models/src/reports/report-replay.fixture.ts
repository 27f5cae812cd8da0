import type { RecordedEvent } from '@practice/events';
import type { ReadCollection, ReadDocument, ReadStore, WriteOp } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { REPORTS, reportProjection } from './report.projection';
import { at, history, P } from './report-history.fixture';

/** The crash the replay specs make: the process stops inside a bulk write. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash inside a bulk write');
    this.name = 'SimulatedCrash';
  }
}

/**
 * The real collection, except that the process "crashes" after `budget` documents were written: the
 * bulk write that reaches the budget writes only some of its documents (the first ones, or the last
 * ones when `reversed`: an unordered MongoDB bulk may land any of them) and throws; nothing after it
 * is written, as when the process dies there.
 */
export const crashingAfter = (inner: ReadCollection, budget: number, reversed: boolean): ReadCollection => {
  let left = budget;
  return {
    get: (id) => inner.get(id),
    getMany: (ids) => inner.getMany(ids),
    find: (filter, options) => inner.find(filter, options),
    count: (filter) => inner.count(filter),
    ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
    drop: () => inner.drop(),
    bulkWrite: async (ops: readonly WriteOp[]) => {
      if (left < 0) throw new SimulatedCrash();
      if (ops.length <= left) {
        left -= ops.length;
        return inner.bulkWrite(ops);
      }
      const landed = reversed ? ops.slice(ops.length - left) : ops.slice(0, left);
      left = -1;
      if (landed.length > 0) await inner.bulkWrite(landed);
      throw new SimulatedCrash();
    },
  };
};

/**
 * A batch that exercises every kind of report document: a time zone set before the clients (the
 * practice document is context for the rest), clients created, edited, tagged, invited, deactivated,
 * appointments booked and moved through their statuses, a tag given twice and taken off, and a client
 * created and deleted in the batch.
 */
export const crashBatch: RecordedEvent[] = [
  ...history,
  ...at(history.length, [
    // c-2 is tagged t-1 already: a second tag changes no count; the untag then does.
    { type: 'ClientTagged', at: '2026-02-20T12:00:00.000Z', data: { chartId: 'c-2', tagId: 't-1' } },
    { type: 'ClientUntagged', at: '2026-02-21T12:00:00.000Z', data: { chartId: 'c-2', tagId: 't-1' } },
    { type: 'ClientCreated', at: '2026-03-02T12:00:00.000Z', data: { chartId: 'c-3', practiceId: P, kind: 'individual', firstName: 'A', lastName: 'c-3', email: null } },
    { type: 'ClientTagged', at: '2026-03-03T12:00:00.000Z', data: { chartId: 'c-3', tagId: 't-1' } },
    { type: 'ClientDeleted', at: '2026-03-04T12:00:00.000Z', data: { chartId: 'c-1', practiceId: P, email: null } },
    { type: 'ClientDeleted', at: '2026-03-05T12:00:00.000Z', data: { chartId: 'c-3', practiceId: P, email: null } },
  ]),
];

const byId = (a: ReadDocument, b: ReadDocument) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** Every document of the reports collection, in id order. */
export const reportDocuments = async (store: ReadStore): Promise<ReadDocument[]> => (await store.collection(REPORTS).find({})).sort(byId);

/**
 * `before` applied cleanly, then `batch` with a crash after `budget` documents, then `batch` again
 * (the replay from the checkpoint, which never moved past `before`).
 */
export const crashThenReplay = async (store: ReadStore, before: readonly RecordedEvent[], batch: readonly RecordedEvent[], budget: number, reversed: boolean): Promise<boolean> => {
  const collection = store.collection(REPORTS);
  if (before.length > 0) await applyBatch(reportProjection, collection, before);
  let crashed = false;
  try {
    await applyBatch(reportProjection, crashingAfter(collection, budget, reversed), batch);
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) throw error;
    crashed = true;
  }
  await applyBatch(reportProjection, collection, batch);
  return crashed;
};
