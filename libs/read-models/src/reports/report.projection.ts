import type { RecordedEvent } from '@practice/events';
import type { EventContext, Increments, ProjectionDefinition } from '../projection';
import { chartFactEventTypes, evolveChartFacts } from './chart-facts';
import { forEachContribution } from './contributions';
import { granularities, localDate, periodStart } from './periods';
import {
  addCounts,
  chartAndPracticeContext,
  chartDocumentId,
  chartIdOf,
  DEFAULT_TIME_ZONE,
  periodDocumentId,
  PRACTICE_EVENTS,
  practiceDocumentId,
  practiceIdOf,
  practiceTimeZoneDocument,
} from './practice-documents';
import type { ReportChartDocument, ReportDocument, ReportPeriodDocument, ReportPracticeDocument } from './report.document';

export const REPORTS = 'reports';

export const practiceReportId = practiceDocumentId;
export const chartReportId = chartDocumentId;
export const periodReportId = periodDocumentId;

type Counts = Record<string, number>;
type Deltas = Map<string, { stock: Counts; flow: Counts }>;

// The chart's facts after the event, computed once for the increments and the chart document's apply
// (the runtime calls them one after the other for an event: the last one is remembered).
let lastEvolved: { event: RecordedEvent; before: ReportChartDocument | null; after: ReportChartDocument | null } | undefined;
// `id`: the chart's document id, so a new chart's facts are its document as they are (no copy with the id set).
const chartFactsAfter = (before: ReportChartDocument | null, event: RecordedEvent, id: string): ReportChartDocument | null => {
  if (lastEvolved !== undefined && lastEvolved.event === event && lastEvolved.before === before) return lastEvolved.after;
  const after = evolveChartFacts(before, event, id);
  lastEvolved = { event, before, after };
  return after;
};

// The ids of the day, week and month documents of a practice's calendar date, by practice then date
// (no key string built per look-up).
const periodIds = new Map<string, Map<string, readonly string[]>>();
let periodIdsKept = 0;
const periodIdsOf = (practiceId: string, date: string): readonly string[] => {
  let byDate = periodIds.get(practiceId);
  if (byDate === undefined) periodIds.set(practiceId, (byDate = new Map()));
  let ids = byDate.get(date);
  if (ids === undefined) {
    ids = granularities.map((granularity) => periodReportId(practiceId, granularity, periodStart(date, granularity)));
    if (periodIdsKept > 100_000) {
      periodIds.clear();
      periodIds.set(practiceId, (byDate = new Map()));
      periodIdsKept = 0;
    }
    byDate.set(date, ids);
    periodIdsKept += 1;
  }
  return ids;
};

// deltasOf's tallies, cleared for each event (the fold is synchronous: one event at a time), and the
// callbacks that count into them: no maps and closures per event.
const tally = { stock: new Map<string, number>(), flow: new Map<string, Map<string, number>>(), sign: 1 as 1 | -1 };
const countStock = (key: string): void => {
  tally.stock.set(key, (tally.stock.get(key) ?? 0) + tally.sign);
};
// A dated count, by the instant it is dated by, then key.
const countFlow = (key: string, at: string): void => {
  let dated = tally.flow.get(at);
  if (dated === undefined) tally.flow.set(at, (dated = new Map()));
  dated.set(key, (dated.get(key) ?? 0) + tally.sign);
};

/**
 * What an event adds to the period documents: the chart's contributions after the event minus before
 * it. A standing count changes in the period of the event; a dated one in the period of its date.
 * The period ids are computed once per date, not per counter.
 */
const deltasOf = (event: RecordedEvent, context: EventContext): Deltas => {
  const chartId = chartIdOf(event)!;
  const chartDocId = chartReportId(chartId);
  const before = (context.get(chartDocId) ?? null) as ReportChartDocument | null;
  const after = chartFactsAfter(before, event, chartDocId);
  const practiceId = after?.practiceId ?? before?.practiceId;
  const deltas: Deltas = new Map();
  if (practiceId === undefined || after === before) return deltas;
  const practice = context.get(practiceReportId(practiceId)) as ReportPracticeDocument | null | undefined;
  const timeZone = practice?.timeZone ?? DEFAULT_TIME_ZONE;
  // What the event changes: the contributions after it minus those before it (most cancel out).
  tally.stock.clear();
  tally.flow.clear();
  tally.sign = -1;
  forEachContribution(before, countStock, countFlow);
  tally.sign = 1;
  forEachContribution(after, countStock, countFlow);
  const { stock, flow } = tally;
  const entryOf = (id: string) => {
    let entry = deltas.get(id);
    if (entry === undefined) deltas.set(id, (entry = { stock: {}, flow: {} }));
    return entry;
  };
  // The standing counts change alike in the day, week and month of the event: one object for the three
  // (increments are only read from here on).
  let standing: Counts | undefined;
  for (const [key, n] of stock) if (n !== 0) (standing ??= {})[key] = n;
  if (standing !== undefined) {
    for (const id of periodIdsOf(practiceId, localDate(event.metadata.occurredAt, timeZone))) deltas.set(id, { stock: standing, flow: {} });
  }
  // Two instants of one date can cancel out: a count that comes to 0 is left out below.
  let cancelled = false;
  for (const [at, dated] of flow) {
    let periods: readonly string[] | undefined;
    for (const [key, n] of dated) {
      if (n === 0) continue;
      periods ??= periodIdsOf(practiceId, localDate(at, timeZone));
      for (const id of periods) {
        const counts = entryOf(id).flow;
        const sum = (counts[key] ?? 0) + n;
        counts[key] = sum;
        if (sum === 0) cancelled = true;
      }
    }
  }
  // Only what changes: an event that moves nothing touches no period document.
  if (cancelled) {
    for (const [id, entry] of deltas) {
      for (const key of Object.keys(entry.flow)) if (entry.flow[key] === 0) delete entry.flow[key];
      if (Object.keys(entry.stock).length === 0 && Object.keys(entry.flow).length === 0) deltas.delete(id);
    }
  }
  return deltas;
};

const addToPeriod = (doc: ReportPeriodDocument | null, id: string, increments: Increments): ReportPeriodDocument => {
  const [, practiceId, granularity, period] = id.split('|');
  const base = doc ?? { _id: id, kind: 'period' as const, practiceId, granularity: granularity as ReportPeriodDocument['granularity'], period, stock: {}, flow: {} };
  return { ...base, stock: addCounts(base.stock, increments.stock ?? {}), flow: addCounts(base.flow, increments.flow ?? {}) };
};

/**
 * The report projection: per practice, counts by period (day, week, month in the practice's time zone)
 * kept as events arrive, so a report reads a few period documents and never scans clients or
 * appointments. One collection holds three kinds of document (see ReportDocument).
 */
export const reportProjection: ProjectionDefinition<ReportDocument> = {
  name: REPORTS,
  indexes: [{ name: 'practice_granularity_period', keys: { practiceId: 1, granularity: 1, period: 1 } }],
  eventTypes: [...PRACTICE_EVENTS, ...chartFactEventTypes],
  context: chartAndPracticeContext,
  documentIds: (event) => {
    if (PRACTICE_EVENTS.includes(event.type)) return [practiceReportId((event.data as { practiceId: string }).practiceId)];
    const chartId = chartIdOf(event);
    return chartId === undefined ? [] : [chartReportId(chartId)];
  },
  apply: (doc, event, id, context) => {
    if (id.startsWith('practice|')) return practiceTimeZoneDocument(doc as ReportPracticeDocument | null, event, id);
    // The facts are a new document of their own (never a stored one changed) with this id already.
    return chartFactsAfter(doc as ReportChartDocument | null, event, id);
  },
  // The period documents: the increments of a whole batch are summed and added once per document.
  counters: {
    increments: (event, context) => (chartIdOf(event) === undefined || PRACTICE_EVENTS.includes(event.type) ? new Map() : deltasOf(event, context)),
    add: (doc, id, increments) => addToPeriod(doc as ReportPeriodDocument | null, id, increments),
  },
};
