import type { RecordedEvent } from '@practice/events';
import type { EventContext, ProjectionDefinition } from '../projection';
import { granularities, periodStart } from '../reports/periods';
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
} from '../reports/practice-documents';
import { revenueContributionsOf } from './revenue-contributions';
import { evolveRevenueFacts, revenueFactEventTypes } from './revenue-facts';
import type { RevenueChartDocument, RevenueDocument, RevenueOpenDocument, RevenuePeriodDocument, RevenuePracticeDocument } from './revenue.document';

export const REVENUE = 'revenue';
/** `settledFrom` of open charges. */
export const STILL_OPEN = '9999-12-31';

export const revenuePracticeId = practiceDocumentId;
export const revenueChartId = chartDocumentId;
export const revenuePeriodId = periodDocumentId;
export const revenueOpenId = (practiceId: string, currency: string, chargeDate: string): string => `open|${practiceId}|${currency}|${chargeDate}`;

type Deltas = ReadonlyMap<string, Record<string, number>>;
// The last event's effect: the runtime asks documentIds, then apply for each of those ids, with one context.
let computed: { context: EventContext; facts: RevenueChartDocument | null; deltas: Deltas } | undefined;

/**
 * What an event changes: the chart's facts after it, and its contributions after the event minus
 * before it, by document id (computed once per event and context).
 */
const effectOf = (event: RecordedEvent, context: EventContext) => {
  if (computed !== undefined && computed.context === context) return computed;
  const chartId = chartIdOf(event)!;
  const before = (context.get(revenueChartId(chartId)) ?? null) as RevenueChartDocument | null;
  const practiceId = before?.practiceId ?? practiceIdOf(event);
  const practice = practiceId === undefined ? undefined : (context.get(revenuePracticeId(practiceId)) as RevenuePracticeDocument | null | undefined);
  const facts = evolveRevenueFacts(before, event, revenueChartId(chartId), practice?.timeZone ?? DEFAULT_TIME_ZONE);
  const deltas = new Map<string, Record<string, number>>();
  const owner = facts?.practiceId ?? before?.practiceId;
  if (owner !== undefined && facts !== before) {
    const add = (id: string, key: string, n: number) => {
      const entry = deltas.get(id) ?? {};
      entry[key] = (entry[key] ?? 0) + n;
      deltas.set(id, entry);
    };
    const count = (side: RevenueChartDocument | null, sign: 1 | -1) => {
      for (const c of revenueContributionsOf(side)) {
        if (c.doc === 'open') add(revenueOpenId(owner, c.currency, c.chargeDate), c.key, sign * c.n);
        else for (const g of granularities) add(revenuePeriodId(owner, g, periodStart(c.date, g)), c.key, sign * c.n);
      }
    };
    count(before, -1);
    count(facts, 1);
    // Only what changes: an event that moves nothing touches no period or open document.
    for (const [id, entry] of deltas) {
      for (const [key, n] of Object.entries(entry)) if (n === 0) delete entry[key];
      if (Object.keys(entry).length === 0) deltas.delete(id);
    }
  }
  computed = { context, facts, deltas };
  return computed;
};

/** The first day from which every clinician's open amount stays 0 (`STILL_OPEN` while one is owed). */
export const settledFromOf = (changes: Readonly<Record<string, number>>): string => {
  const byDate = new Map<string, [string, number][]>();
  for (const [key, n] of Object.entries(changes)) {
    const [date, practitioner] = key.split('|');
    byDate.set(date, [...(byDate.get(date) ?? []), [practitioner, n]]);
  }
  const running = new Map<string, number>();
  let zeroSince: string | null = '0000-01-01';
  for (const date of [...byDate.keys()].sort()) {
    for (const [practitioner, n] of byDate.get(date)!) running.set(practitioner, (running.get(practitioner) ?? 0) + n);
    const zero = [...running.values()].every((n) => n === 0);
    zeroSince = zero ? (zeroSince ?? date) : null;
  }
  return zeroSince ?? STILL_OPEN;
};

const applyToPeriod = (doc: RevenuePeriodDocument | null, id: string, delta: Record<string, number>): RevenuePeriodDocument => {
  const [, practiceId, granularity, period] = id.split('|');
  const base = doc ?? { _id: id, kind: 'period' as const, practiceId, granularity: granularity as RevenuePeriodDocument['granularity'], period, flow: {} };
  return { ...base, flow: addCounts(base.flow, delta) };
};

const applyToOpen = (doc: RevenueOpenDocument | null, id: string, delta: Record<string, number>): RevenueOpenDocument => {
  const [, practiceId, currency, chargeDate] = id.split('|');
  const changes = addCounts(doc?.changes ?? {}, delta);
  return { _id: id, kind: 'open', practiceId, currency, chargeDate, changes, settledFrom: settledFromOf(changes) };
};

/**
 * The revenue projection: per practice, money by period (charges, payments by method, refunds, per
 * clinician and unapplied credit) and the open amount of the charges of each day as changes by the day
 * they took effect (the aging report as of any day), kept as events arrive.
 */
export const revenueProjection: ProjectionDefinition<RevenueDocument> = {
  name: REVENUE,
  indexes: [
    { name: 'practice_granularity_period', keys: { practiceId: 1, granularity: 1, period: 1 } },
    { name: 'practice_settled_charge_date', keys: { practiceId: 1, settledFrom: 1, chargeDate: 1 } },
  ],
  eventTypes: [...PRACTICE_EVENTS, ...revenueFactEventTypes],
  context: chartAndPracticeContext,
  documentIds: (event, context) => {
    if (PRACTICE_EVENTS.includes(event.type)) return [revenuePracticeId((event.data as { practiceId: string }).practiceId)];
    const chartId = chartIdOf(event);
    return chartId === undefined ? [] : [revenueChartId(chartId), ...effectOf(event, context).deltas.keys()];
  },
  apply: (doc, event, id, context) => {
    if (id.startsWith('practice|')) return practiceTimeZoneDocument(doc as RevenuePracticeDocument | null, event, id);
    const { facts, deltas } = effectOf(event, context);
    // The facts carry this id (evolveRevenueFacts is given it) and are never a stored document changed.
    if (id.startsWith('chart|')) return facts;
    const delta = deltas.get(id);
    if (delta === undefined) return doc;
    return id.startsWith('open|') ? applyToOpen(doc as RevenueOpenDocument | null, id, delta) : applyToPeriod(doc as RevenuePeriodDocument | null, id, delta);
  },
};
