import type { PracticeCreated, PracticeSettingsChanged, RecordedEvent } from '@practice/events';
import type { EventContext, ProjectionDefinition } from '../projection';
import { chartFactEventTypes, evolveChartFacts } from './chart-facts';
import { contributionsOf } from './contributions';
import { granularities, localDate, periodStart } from './periods';
import type { ReportChartDocument, ReportDocument, ReportPeriodDocument, ReportPracticeDocument } from './report.document';

export const REPORTS = 'reports';
export const DEFAULT_TIME_ZONE = 'UTC';

export const practiceReportId = (practiceId: string): string => `practice|${practiceId}`;
export const chartReportId = (chartId: string): string => `chart|${chartId}`;
export const periodReportId = (practiceId: string, granularity: string, period: string): string => `period|${practiceId}|${granularity}|${period}`;

const PRACTICE_EVENTS = ['PracticeCreated', 'PracticeSettingsChanged'];

const chartIdOf = (event: RecordedEvent): string | undefined => {
  const chartId = (event.data as { chartId?: unknown }).chartId;
  return typeof chartId === 'string' ? chartId : undefined;
};
const practiceIdOf = (event: RecordedEvent): string | undefined => {
  const fromData = (event.data as { practiceId?: unknown }).practiceId;
  return typeof fromData === 'string' ? fromData : (event.metadata.practiceId ?? undefined);
};

type Deltas = ReadonlyMap<string, { stock: Record<string, number>; flow: Record<string, number> }>;

// documentIds and apply of one event read the same deltas: computed once per event and context.
const computed = new WeakMap<EventContext, Deltas>();

/**
 * What an event changes in the period documents: the chart's contributions after the event minus
 * before it. A standing count changes in the period of the event; a dated one in the period of its date.
 */
const deltasOf = (event: RecordedEvent, context: EventContext): Deltas => {
  const cached = computed.get(context);
  if (cached) return cached;
  const chartId = chartIdOf(event)!;
  const before = (context.get(chartReportId(chartId)) ?? null) as ReportChartDocument | null;
  const after = evolveChartFacts(before, event, chartId);
  const practiceId = after?.practiceId ?? before?.practiceId;
  const deltas = new Map<string, { stock: Record<string, number>; flow: Record<string, number> }>();
  if (practiceId !== undefined) {
    const practice = context.get(practiceReportId(practiceId)) as ReportPracticeDocument | null | undefined;
    const timeZone = practice?.timeZone ?? DEFAULT_TIME_ZONE;
    // What the event changes: the contributions after it minus those before it (most cancel out).
    const changed = new Map<string, { measure: 'stock' | 'flow'; key: string; at?: string; n: number }>();
    const count = (facts: ReportChartDocument | null, sign: 1 | -1) => {
      for (const contribution of contributionsOf(facts)) {
        const id = `${contribution.measure}\u0000${contribution.key}\u0000${contribution.at ?? ''}`;
        const entry = changed.get(id) ?? { ...contribution, n: 0 };
        entry.n += sign;
        changed.set(id, entry);
      }
    };
    count(before, -1);
    count(after, 1);
    for (const { measure, key, at, n } of changed.values()) {
      if (n === 0) continue;
      const date = localDate(measure === 'stock' ? event.metadata.occurredAt : at!, timeZone);
      for (const granularity of granularities) {
        const id = periodReportId(practiceId, granularity, periodStart(date, granularity));
        const entry = deltas.get(id) ?? { stock: {}, flow: {} };
        entry[measure][key] = (entry[measure][key] ?? 0) + n;
        deltas.set(id, entry);
      }
    }
  }
  // Only what changes: an event that moves nothing touches no period document.
  for (const [id, entry] of deltas) {
    for (const measure of ['stock', 'flow'] as const) {
      for (const [key, n] of Object.entries(entry[measure])) if (n === 0) delete entry[measure][key];
    }
    if (Object.keys(entry.stock).length === 0 && Object.keys(entry.flow).length === 0) deltas.delete(id);
  }
  computed.set(context, deltas);
  return deltas;
};

const addCounts = (counts: Readonly<Record<string, number>>, delta: Readonly<Record<string, number>>): Record<string, number> => {
  const next = { ...counts };
  for (const [key, n] of Object.entries(delta)) {
    const value = (next[key] ?? 0) + n;
    if (value === 0) delete next[key];
    else next[key] = value;
  }
  return next;
};

const applyToPeriod = (doc: ReportPeriodDocument | null, id: string, delta: { stock: Record<string, number>; flow: Record<string, number> }): ReportPeriodDocument => {
  const [, practiceId, granularity, period] = id.split('|');
  const base = doc ?? { _id: id, kind: 'period' as const, practiceId, granularity: granularity as ReportPeriodDocument['granularity'], period, stock: {}, flow: {} };
  return { ...base, stock: addCounts(base.stock, delta.stock), flow: addCounts(base.flow, delta.flow) };
};

const applyToPractice = (doc: ReportPracticeDocument | null, event: RecordedEvent, id: string): ReportPracticeDocument => {
  const practiceId = (event as RecordedEvent & PracticeCreated).data.practiceId;
  const timeZone =
    event.type === 'PracticeSettingsChanged'
      ? ((event as RecordedEvent & PracticeSettingsChanged).data.settings as { timeZone?: string }).timeZone ?? DEFAULT_TIME_ZONE
      : (doc?.timeZone ?? DEFAULT_TIME_ZONE);
  return { _id: id, kind: 'practice', practiceId, timeZone };
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
  context: (event) => {
    if (PRACTICE_EVENTS.includes(event.type)) return [];
    const chartId = chartIdOf(event);
    const practiceId = practiceIdOf(event);
    if (chartId === undefined) return [];
    return practiceId === undefined ? [chartReportId(chartId)] : [chartReportId(chartId), practiceReportId(practiceId)];
  },
  documentIds: (event, context) => {
    if (PRACTICE_EVENTS.includes(event.type)) return [practiceReportId((event.data as { practiceId: string }).practiceId)];
    const chartId = chartIdOf(event);
    return chartId === undefined ? [] : [chartReportId(chartId), ...deltasOf(event, context).keys()];
  },
  apply: (doc, event, id, context) => {
    if (id.startsWith('practice|')) return applyToPractice(doc as ReportPracticeDocument | null, event, id);
    if (id.startsWith('chart|')) {
      const facts = evolveChartFacts(doc as ReportChartDocument | null, event, id.slice('chart|'.length));
      return facts === null ? null : { ...facts, _id: id };
    }
    const delta = deltasOf(event, context).get(id);
    return delta === undefined ? doc : applyToPeriod(doc as ReportPeriodDocument | null, id, delta);
  },
};
