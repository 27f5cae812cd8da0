import type { RecordedEvent } from '@practice/events';
import type { ImmediateCollection, ReadCollection, ReadDocument, WriteOp } from '@practice/read-store';
import type { CounterDocuments, EventContext, Increments, ProjectionDefinition } from '../projection';
import { tombstonesOf, writeTombstones } from './document-at';

const NO_CONTEXT: EventContext = new Map();
const NONE: readonly string[] = [];

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

/** The writes a folded batch makes, and the last state of each document it deletes. */
interface FoldedBatch {
  readonly ops: WriteOp[];
  readonly lastOps: WriteOp[];
  readonly existed: ReadonlyMap<string, ReadDocument>;
}

/**
 * A batch's fold: yields the ids it must read (each time the documents found are sent back) and
 * returns its writes. The same fold runs awaited on any store (applyBatch) or in one synchronous pass
 * on a store that keeps its documents in this process (applyBatchNow).
 */
type Fold = Generator<readonly string[], FoldedBatch, ReadonlyMap<string, ReadDocument>>;

/** The events of `events` that the projection reacts to. */
export const relevantEvents = (projection: ProjectionDefinition, events: readonly RecordedEvent[]): readonly RecordedEvent[] => {
  const types = eventTypesOf(projection);
  return events.filter((event) => types.has(event.type));
};

/**
 * Folds one batch of events into one projection's documents and writes each touched document once.
 * An event at or below a document's `_position` was applied before (a replay after a crash) and is
 * skipped, so applying the same batch twice changes nothing. With `onFailure`, an event the projection
 * throws on is reported and skipped (the documents keep what they had before it); without it, the
 * error is thrown and nothing of the batch is written.
 *
 * Documents read as context (`ProjectionDefinition.context`) are written last, in a second bulk write
 * after every other document of the batch. So after a crash between the two, a context document stored
 * at or past an event's position means that every other document of that batch was written: the event
 * changes none of them on the replay (computed from a context that is ahead of the event, it would
 * count wrongly). A crash inside the first write leaves every context document as it was before the
 * batch, and each other document is guarded by its own position.
 */
export const applyBatch = async (
  projection: ProjectionDefinition,
  collection: ReadCollection,
  events: readonly RecordedEvent[],
  onFailure?: (failure: ProjectionFailure) => void,
  /** Where a deleted document's tombstone goes (the change feed reads them); none: no tombstones. */
  tombstones?: ReadCollection,
): Promise<number> => {
  const relevant = relevantEvents(projection, events);
  if (relevant.length === 0) return 0;
  const fold = foldBatch(projection, relevant, onFailure);
  let step = fold.next();
  while (!step.done) step = fold.next(await collection.getMany(step.value));
  const { ops, lastOps, existed } = step.value;
  // The tombstones first: a reader that misses a deleted document in the collection finds its tombstone.
  if (tombstones) await writeTombstones(tombstones, projection.name, [...ops, ...lastOps], existed);
  if (ops.length > 0) await collection.bulkWrite(ops);
  if (lastOps.length > 0) await collection.bulkWrite(lastOps);
  return ops.length + lastOps.length;
};

/**
 * applyBatch in one synchronous pass, on a store that keeps its documents in this process (the
 * embedded projector's live path: no promise per read and write). `relevant`: the events of the
 * projection's types only (see relevantEvents). The same fold, reads and writes, in the same order.
 */
export const applyBatchNow = (
  projection: ProjectionDefinition,
  collection: ImmediateCollection,
  relevant: readonly RecordedEvent[],
  onFailure?: (failure: ProjectionFailure) => void,
  tombstones?: ImmediateCollection,
): number => {
  if (relevant.length === 0) return 0;
  const fold = foldBatch(projection, relevant, onFailure);
  let step = fold.next();
  while (!step.done) step = fold.next(collection.getManyNow(step.value));
  const { ops, lastOps, existed } = step.value;
  if (tombstones) {
    const deletes = tombstonesOf(projection.name, [...ops, ...lastOps], existed);
    if (deletes.length > 0) tombstones.bulkWriteNow(deletes);
  }
  if (ops.length > 0) collection.bulkWriteNow(ops);
  if (lastOps.length > 0) collection.bulkWriteNow(lastOps);
  return ops.length + lastOps.length;
};

function* foldBatch(projection: ProjectionDefinition, relevant: readonly RecordedEvent[], onFailure?: (failure: ProjectionFailure) => void): Fold {
  const failed = new Set<RecordedEvent>();
  // An error of the projection's code on `event`: thrown on without `onFailure`, else reported once.
  // (Each call below catches for itself: no closure per event and document.)
  const fail = (event: RecordedEvent, error: unknown): void => {
    if (!onFailure) throw error;
    if (!failed.has(event)) onFailure({ event, error });
    failed.add(event);
  };

  const stored = new Map<string, ReadDocument>();
  const folded = new Map<string, Folded>();
  // The last state of each document before the batch deleted it (stored, or created within the batch).
  const existed = new Map<string, ReadDocument>();
  const missingOf = (wanted: readonly string[]): readonly string[] => {
    // Most events touch one document: no set for it.
    if (wanted.length === 1) return folded.has(wanted[0]) ? NONE : wanted;
    let missing: Set<string> | undefined;
    for (const id of wanted) if (!folded.has(id)) (missing ??= new Set()).add(id);
    return missing === undefined ? NONE : [...missing];
  };
  // What a read of `missing` found (each id read once: `folded` holds it from then on).
  const loaded = (missing: readonly string[], found: ReadonlyMap<string, ReadDocument>): void => {
    for (const id of missing) {
      const doc = found.get(id);
      if (doc) {
        stored.set(id, doc);
        existed.set(id, doc);
      }
      folded.set(id, { doc: doc ?? null, position: undefined });
    }
  };
  const idsOf = (event: RecordedEvent, context: EventContext): readonly string[] => {
    try {
      return projection.documentIds(event, context);
    } catch (error) {
      fail(event, error);
      return NONE;
    }
  };
  const contextOf = (event: RecordedEvent): readonly string[] => {
    try {
      return projection.context!(event);
    } catch (error) {
      fail(event, error);
      return NONE;
    }
  };
  // Per event (by its index in `relevant`): without `context`, the ids it touches, computed once;
  // with it, the documents it reads as context.
  const known: (readonly string[])[] = new Array(relevant.length);
  for (let index = 0; index < relevant.length; index += 1) known[index] = projection.context ? contextOf(relevant[index]) : idsOf(relevant[index], NO_CONTEXT);
  // The documents some event of the batch reads as context: written last (see above).
  const contextIds = new Set<string>();
  if (projection.context) for (const wanted of known) for (const id of wanted) contextIds.add(id);

  // One read for what the batch is known to touch; ids that depend on a context are read when found.
  const first = missingOf(known.length === 1 ? known[0] : known.flat());
  if (first.length > 0) loaded(first, yield first);

  const counted: { position: number; increments: ReadonlyMap<string, Increments> }[] = [];
  for (let index = 0; index < relevant.length; index += 1) {
    const event = relevant[index];
    const wanted = projection.context ? known[index] : NONE;
    let replayed = false;
    let context = NO_CONTEXT;
    if (wanted.length > 0) {
      const missingContext = missingOf(wanted);
      if (missingContext.length > 0) loaded(missingContext, yield missingContext);
      // A context document stored at or past the event: the batch was written up to its end before a crash.
      replayed = wanted.some((id) => (stored.get(id)?._position ?? -1) >= event.position);
      context = new Map(wanted.map((id) => [id, folded.get(id)!.doc]));
    }
    const eventIds = projection.context ? idsOf(event, context) : known[index];
    const missingIds = missingOf(eventIds);
    if (missingIds.length > 0) loaded(missingIds, yield missingIds);
    let increments: ReadonlyMap<string, Increments> | undefined;
    if (projection.counters && !replayed) {
      try {
        increments = projection.counters.increments(event, context);
      } catch (error) {
        fail(event, error);
      }
    }
    if (failed.has(event)) continue;
    for (const id of eventIds) {
      const state = folded.get(id)!;
      const storedPosition = stored.get(id)?._position;
      if (storedPosition !== undefined && storedPosition >= event.position) continue;
      if (replayed && !contextIds.has(id)) continue;
      const before = state.doc;
      if (before !== null) existed.set(id, before);
      let after: ReadDocument | null;
      try {
        after = projection.apply(before, event, id, context);
      } catch (error) {
        fail(event, error);
        continue;
      }
      state.doc = after;
      state.position = event.position;
    }
    // An event the projection threw on adds nothing to the counters either.
    if (increments !== undefined && increments.size > 0 && !failed.has(event)) counted.push({ position: event.position, increments });
  }
  if (projection.counters) {
    // The counter documents of the batch: one read of them all.
    const missingCounters = missingOf([...new Set(counted.flatMap(({ increments }) => [...increments.keys()]))]);
    if (missingCounters.length > 0) loaded(missingCounters, yield missingCounters);
    addCounters(projection.counters, counted, folded, stored);
  }

  const ops: WriteOp[] = [];
  const lastOps: WriteOp[] = [];
  for (const [id, { doc, position }] of folded) {
    if (position === undefined) continue;
    // The folded documents are the batch's own (read as copies, built by the projection): handed over.
    const op: WriteOp = doc === null ? { kind: 'delete', id, position } : { kind: 'put', doc: { ...doc, _id: id, _position: position }, position, handOver: true };
    (contextIds.has(id) ? lastOps : ops).push(op);
  }
  return { ops, lastOps, existed };
}

/**
 * The increments of the batch summed per counter document (read before), each event's only where the
 * stored document does not have it yet, then added to each document once.
 */
const addCounters = (
  counters: CounterDocuments,
  counted: readonly { position: number; increments: ReadonlyMap<string, Increments> }[],
  folded: Map<string, Folded>,
  stored: ReadonlyMap<string, ReadDocument>,
): void => {
  const sums = new Map<string, { position: number; fields: Record<string, Record<string, number>> }>();
  for (const { position, increments } of counted) {
    for (const [id, increment] of increments) {
      const storedPosition = stored.get(id)?._position;
      if (storedPosition !== undefined && storedPosition >= position) continue;
      let sum = sums.get(id);
      if (sum === undefined) {
        sum = { position, fields: {} };
        sums.set(id, sum);
      }
      sum.position = position;
      for (const field of Object.keys(increment)) {
        const target = (sum.fields[field] ??= {});
        const add = increment[field];
        for (const key of Object.keys(add)) target[key] = (target[key] ?? 0) + add[key];
      }
    }
  }
  for (const [id, { position, fields }] of sums) {
    const state = folded.get(id)!;
    state.doc = counters.add(state.doc, id, fields);
    state.position = position;
  }
};
