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

/** Two id-ordered lists as one, in id order; a document of `live` wins over a tombstone of the same id. */
const mergedById = (live: readonly ReadDocument[], deleted: readonly ReadDocument[]): ReadDocument[] => {
  const liveIds = new Set(live.map((doc) => doc._id));
  return [...live, ...deleted.filter((doc) => !liveIds.has(doc._id))].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
};

/**
 * The rows of a dataset at a cut, in key order, read a page of documents at a time: memory holds one
 * page, whatever the size of the practice, and the consumer's pace sets the reading pace (an async
 * generator only reads the next page when asked for the next row). Documents deleted after the cut are
 * gone from the read model: their tombstones (ids only) bring them back, rebuilt as they stood then.
 * The tombstones of a page's id range are read after the page itself, and the projector writes a
 * tombstone before it deletes the document, so a document deleted meanwhile is found one way or the other.
 */
export async function* rowsAtCut(readStore: ReadStore, events: EventStore, dataset: ExportDataset, options: CutOptions): AsyncGenerator<CutRow> {
  const collection = readStore.collection(dataset.readModel);
  const tombstones = readStore.collection<Tombstone>(TOMBSTONES);
  await Promise.all([collection.ensureIndexes(EXPORT_INDEXES), tombstones.ensureIndexes(TOMBSTONE_INDEXES)]);
  const pageSize = options.pageSize ?? 500;
  const { practiceId, position, after, from, to } = options;
  // The first page includes the document of the resume point: rows of it after `subKey` are still to come.
  let lower: Filter | undefined = after ? { $gte: after.id } : undefined;
  for (;;) {
    const live = await collection.find(lower ? { practiceId, _id: lower } : { practiceId }, { sort: { _id: 1 }, limit: pageSize });
    const upper = live.length === pageSize ? live[live.length - 1]._id : undefined;
    const deleted: ReadDocument[] = [];
    for (let tombLower = lower; ; ) {
      const ids: Filter = { ...(tombLower ?? {}), ...(upper !== undefined ? { $lte: upper } : {}) };
      const found = await tombstones.find(
        { readModel: dataset.readModel, practiceId, _position: { $gt: position }, ...(Object.keys(ids).length > 0 ? { documentId: ids } : {}) },
        { sort: { documentId: 1 }, limit: pageSize },
      );
      // As a document id with a position past the cut: rebuilt from its stream like any later-changed one.
      deleted.push(...found.map((t) => ({ _id: t.documentId, _position: t._position, practiceId })));
      if (found.length < pageSize) break;
      tombLower = { $gt: found[found.length - 1].documentId };
    }
    for (const stored of mergedById(live, deleted)) {
      const doc = await atCut(events, dataset, stored, position);
      if (doc === null || doc.practiceId !== practiceId) continue;
      for (const { subKey, row } of dataset.rows(doc)) {
        if (after && doc._id === after.id && subKey <= after.subKey) continue;
        if (!inPeriod(row[dataset.periodField], from, to)) continue;
        yield { id: doc._id, subKey, row };
      }
    }
    if (upper === undefined) return;
    lower = { $gt: upper };
  }
}
