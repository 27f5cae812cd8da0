import type { EventStore } from '@practice/event-store';
import type { Filter, IndexSpec, ReadDocument, ReadStore } from '@practice/read-store';
import { documentAt, TOMBSTONES, type Tombstone } from '@practice/read-models';
import type { ExportDataset } from './export-datasets';

/** The export reads a practice's documents in id order, a page at a time: this index makes each page a seek. */
export const EXPORT_INDEXES: readonly IndexSpec[] = [{ name: 'export_practice_id', keys: { practiceId: 1, _id: 1 } }];
/** The same for the tombstones of a read model's deleted documents. */
const TOMBSTONE_INDEXES: readonly IndexSpec[] = [{ name: 'export_tombstones', keys: { readModel: 1, practiceId: 1, documentId: 1 } }];

/** Where an export resumes: after this row (its document id, and its key within the document). */
export interface ExportKey {
  readonly id: string;
  readonly subKey: string;
}

export interface CutRow extends ExportKey {
  readonly row: Readonly<Record<string, unknown>>;
}

export interface CutOptions {
  readonly practiceId: string;
  /** The log position the export reflects: no row holds anything appended after it. */
  readonly position: number;
  readonly after?: ExportKey;
  /** Rows whose `periodField` is in [from, to). */
  readonly from?: string;
  readonly to?: string;
  readonly pageSize?: number;
}

const inPeriod = (value: unknown, from: string | undefined, to: string | undefined): boolean => {
  if (from === undefined && to === undefined) return true;
  if (typeof value !== 'string') return false;
  const at = Date.parse(value);
  return (from === undefined || at >= Date.parse(from)) && (to === undefined || at < Date.parse(to));
};

/**
 * The document as it stood at the cut. A document whose `_position` is at or before the cut has had
 * every event up to the cut applied (the read model's checkpoint is past the cut) and none after it, so
 * it is the state at the cut. A document changed after the cut is rebuilt from its stream, folding only
 * the events up to the cut through the read model's own projection; one created after the cut is null.
 */
const atCut = async (events: EventStore, dataset: ExportDataset, doc: ReadDocument, position: number): Promise<ReadDocument | null> => {
  if (doc._position === undefined || doc._position <= position) return doc;
  const stream = await events.readStream(dataset.streamOf(doc._id));
  return documentAt(dataset.projection, stream, doc._id, position);
};

type Page = (after: string | undefined, limit: number) => Promise<ReadDocument[]>;

/** Every document `page` gives, in id order, `pageSize` at a time, each page after the last id of the one before. */
async function* paged(page: Page, pageSize: number): AsyncGenerator<ReadDocument> {
  let after: string | undefined;
  for (;;) {
    const docs = await page(after, pageSize);
    yield* docs;
    if (docs.length < pageSize) return;
    after = docs[docs.length - 1]._id;
  }
}

/** Two id-ordered document streams as one, in id order; the first stream's document wins a tie. */
async function* merged(left: AsyncGenerator<ReadDocument>, right: AsyncGenerator<ReadDocument>): AsyncGenerator<ReadDocument> {
  let a = await left.next();
  let b = await right.next();
  while (!a.done || !b.done) {
    if (b.done || (!a.done && a.value._id <= b.value._id)) {
      if (!b.done && !a.done && a.value._id === b.value._id) b = await right.next();
      yield a.value as ReadDocument;
      a = await left.next();
    } else {
      yield b.value;
      b = await right.next();
    }
  }
}

/**
 * The rows of a dataset at a cut, in key order, read a page of documents at a time: memory holds one
 * page, whatever the size of the practice, and the consumer's pace sets the reading pace (an async
 * generator only reads the next page when asked for the next row). Documents deleted after the cut are
 * gone from the read model: their tombstones (ids only) bring them back, rebuilt as they stood then.
 */
export async function* rowsAtCut(readStore: ReadStore, events: EventStore, dataset: ExportDataset, options: CutOptions): AsyncGenerator<CutRow> {
  const collection = readStore.collection(dataset.readModel);
  const tombstones = readStore.collection<Tombstone>(TOMBSTONES);
  await Promise.all([collection.ensureIndexes(EXPORT_INDEXES), tombstones.ensureIndexes(TOMBSTONE_INDEXES)]);
  const pageSize = options.pageSize ?? 500;
  const { practiceId, position, after, from, to } = options;
  // The first page includes the document of the resume point: rows of it after `subKey` are still to come.
  const idAfter = (last: string | undefined): Filter | undefined => (last !== undefined ? { $gt: last } : after ? { $gte: after.id } : undefined);
  const live = paged(async (last, limit) => {
    const bound = idAfter(last);
    return collection.find(bound ? { practiceId, _id: bound } : { practiceId }, { sort: { _id: 1 }, limit });
  }, pageSize);
  const deleted = paged(async (last, limit) => {
    const bound = idAfter(last);
    const filter: Filter = { readModel: dataset.readModel, practiceId, _position: { $gt: position }, ...(bound ? { documentId: bound } : {}) };
    const found = await tombstones.find(filter, { sort: { documentId: 1 }, limit });
    // As a document id, with a position past the cut: rebuilt from its stream like any later-changed one.
    return found.map((t) => ({ _id: t.documentId, _position: t._position, practiceId }));
  }, pageSize);
  for await (const stored of merged(live, deleted)) {
    const doc = await atCut(events, dataset, stored, position);
    if (doc === null || doc.practiceId !== practiceId) continue;
    for (const { subKey, row } of dataset.rows(doc)) {
      if (after && doc._id === after.id && subKey <= after.subKey) continue;
      if (!inPeriod(row[dataset.periodField], from, to)) continue;
      yield { id: doc._id, subKey, row };
    }
  }
}
