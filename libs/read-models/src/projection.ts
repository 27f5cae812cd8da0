import type { RecordedEvent } from '@practice/events';
import type { IndexSpec, ReadDocument } from '@practice/read-store';

/**
 * A read model as a pure function. The projector runtime does the I/O: it loads the documents an event
 * touches, folds the batch through `apply`, and writes each document once with the position of the last
 * event folded into it (so replaying a batch changes nothing).
 */
export interface ProjectionDefinition<TDoc extends ReadDocument = ReadDocument> {
  /** The checkpoint name and the collection name. */
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  /** The event types this read model reacts to; every other event only moves its checkpoint. */
  readonly eventTypes: readonly string[];
  /** The ids of the documents an event changes (`context`: see below). */
  documentIds(event: RecordedEvent, context: EventContext): readonly string[];
  /** The new document, or null to delete it. Never reads a clock: times come from event metadata. */
  apply(document: TDoc | null, event: RecordedEvent, id: string, context: EventContext): TDoc | null;
  /**
   * The ids of documents of the same collection that `documentIds` and `apply` read for an event, as
   * they stood before it (the report projections: a chart's facts decide which period documents a
   * cancelled appointment changes and by how much). Absent: the context is empty.
   */
  context?(event: RecordedEvent): readonly string[];
  /**
   * Counter documents (the report periods): documents an event only adds numbers to. `increments` says
   * what an event adds to which of them (ids that `documentIds` does not name); the runtime sums the
   * increments of a whole batch per document and calls `add` once per document and batch, instead of
   * `apply` once per event, then writes each document once. A counter document keeps the position of
   * the last event added to it, so a replay adds nothing twice.
   */
  readonly counters?: CounterDocuments<TDoc>;
}

/** Numbers to add to a counter document: `{ field: { key: n } }` (a field such as `stock` or `flow`). */
export interface Increments {
  readonly [field: string]: { readonly [key: string]: number };
}

export interface CounterDocuments<TDoc extends ReadDocument = ReadDocument> {
  /** What the event adds to each counter document it changes, by id (nothing: an empty map). */
  increments(event: RecordedEvent, context: EventContext): ReadonlyMap<string, Increments>;
  /** The document with the summed increments added (null: none stored yet). */
  add(document: TDoc | null, id: string, increments: Increments): TDoc;
}

/** Documents of the collection as they stood before the event, by id (null: no such document). */
export type EventContext = ReadonlyMap<string, ReadDocument | null>;

/** Handlers by event type, so a projection reads as a table of what it does with each event. */
export type EventHandlers<TDoc> = Readonly<
  Record<string, (document: TDoc | null, event: RecordedEvent, id: string) => TDoc | null>
>;

export const defineProjection = <TDoc extends ReadDocument>(definition: {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  readonly documentIds: (event: RecordedEvent) => readonly string[];
  readonly handlers: EventHandlers<TDoc>;
}): ProjectionDefinition<TDoc> => ({
  name: definition.name,
  indexes: definition.indexes,
  eventTypes: Object.keys(definition.handlers),
  documentIds: definition.documentIds,
  apply: (document, event, id) => {
    const handler = definition.handlers[event.type];
    return handler ? handler(document, event, id) : document;
  },
});

/** Most chart read models are keyed by the chart id that every chart event carries. */
export const byChartId = (event: RecordedEvent): readonly string[] => {
  const chartId = (event.data as { chartId?: unknown }).chartId;
  return typeof chartId === 'string' ? [chartId] : [];
};
