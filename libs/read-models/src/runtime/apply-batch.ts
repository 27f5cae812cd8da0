import type { RecordedEvent } from '@practice/events';
import type { ReadCollection, ReadDocument, WriteOp } from '@practice/read-store';
import type { EventContext, ProjectionDefinition } from '../projection';
import { writeTombstones } from './document-at';

const NO_CONTEXT: EventContext = new Map();

/** Each projection's event types as a set: every event of every batch is looked up in it. */
const typesOf = new WeakMap<ProjectionDefinition, ReadonlySet<string>>();
const eventTypesOf = (projection: ProjectionDefinition): ReadonlySet<string> => {
  let types = typesOf.get(projection);
  if (!types) typesOf.set(projection, (types = new Set(projection.eventTypes)));
  return types;
};

interface Folded {
  doc: ReadDocument | null;
  position: number | undefined;
}

/** An event a projection threw on: it is left out of that read model, the others and later events go on. */
export interface ProjectionFailure {
  readonly event: RecordedEvent;
  readonly error: unknown;
}

/**
 * Folds one batch of events into one projection's documents and writes each touched document once.
 * An event at or below a document's `_position` was applied before (a replay after a crash) and is
 * skipped, so applying the same batch twice changes nothing. With `onFailure`, an event the projection
 * throws on is reported and skipped (the documents keep what they had before it); without it, the
 * error is thrown and nothing of the batch is written.
 */
export const applyBatch = async (
  projection: ProjectionDefinition,
  collection: ReadCollection,
  events: readonly RecordedEvent[],
  onFailure?: (failure: ProjectionFailure) => void,
  /** Where a deleted document's tombstone goes (the change feed reads them); none: no tombstones. */
  tombstones?: ReadCollection,
): Promise<number> => {
  const types = eventTypesOf(projection);
  const relevant = events.filter((event) => types.has(event.type));
  if (relevant.length === 0) return 0;

  const failed = new Set<RecordedEvent>();
  const guarded = <T>(event: RecordedEvent, step: () => T, skipped: T): T => {
    if (!onFailure) return step();
    try {
      return step();
    } catch (error) {
      if (!failed.has(event)) onFailure({ event, error });
      failed.add(event);
      return skipped;
    }
  };

  const stored = new Map<string, ReadDocument>();
  const folded = new Map<string, Folded>();
  // The last state of each document before the batch deleted it (stored, or created within the batch).
  const existed = new Map<string, ReadDocument>();
  const missingOf = (wanted: readonly string[]): string[] => {
    const missing = new Set<string>();
    for (const id of wanted) if (!folded.has(id)) missing.add(id);
    return [...missing];
  };
  const load = async (missing: readonly string[]): Promise<void> => {
    if (missing.length === 0) return;
    const found = await collection.getMany(missing);
    for (const id of missing) {
      const doc = found.get(id);
      if (doc) {
        stored.set(id, doc);
        existed.set(id, doc);
      }
      folded.set(id, { doc: doc ?? null, position: undefined });
    }
  };
  const contextIds = (event: RecordedEvent): readonly string[] =>
    projection.context ? guarded(event, () => projection.context!(event), [] as readonly string[]) : [];
  const idsOf = (event: RecordedEvent, context: EventContext): readonly string[] =>
    guarded(event, () => projection.documentIds(event, context), [] as readonly string[]);

  // One read for what the batch is known to touch; ids that depend on a context are read when found.
  await load(missingOf(relevant.flatMap((event) => (projection.context ? contextIds(event) : idsOf(event, NO_CONTEXT)))));

  for (const event of relevant) {
    const wanted = contextIds(event);
    const missingContext = missingOf(wanted);
    if (missingContext.length > 0) await load(missingContext);
    const context: EventContext = wanted.length === 0 ? NO_CONTEXT : new Map(wanted.map((id) => [id, folded.get(id)!.doc]));
    const eventIds = idsOf(event, context);
    const missingIds = missingOf(eventIds);
    if (missingIds.length > 0) await load(missingIds);
    for (const id of eventIds) {
      const state = folded.get(id)!;
      const storedPosition = stored.get(id)?._position;
      if (storedPosition !== undefined && storedPosition >= event.position) continue;
      const before = state.doc;
      if (before !== null) existed.set(id, before);
      const after = guarded(event, () => ({ doc: projection.apply(before, event, id, context) }), undefined);
      if (after === undefined) continue;
      state.doc = after.doc;
      state.position = event.position;
    }
  }

  const ops: WriteOp[] = [];
  for (const [id, { doc, position }] of folded) {
    if (position === undefined) continue;
    // The folded documents are the batch's own (read as copies, built by the projection): handed over.
    ops.push(doc === null ? { kind: 'delete', id, position } : { kind: 'put', doc: { ...doc, _id: id, _position: position }, position, handOver: true });
  }
  // The tombstones first: a reader that misses a deleted document in the collection finds its tombstone.
  if (tombstones) await writeTombstones(tombstones, projection.name, ops, existed);
  if (ops.length > 0) await collection.bulkWrite(ops);
  return ops.length;
};
