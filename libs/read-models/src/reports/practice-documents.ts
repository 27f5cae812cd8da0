import type { PracticeSettingsChanged, RecordedEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';

/**
 * What the report projections (reports, revenue) share: one collection each, with a document per
 * practice (its time zone), one per chart (its facts) and the period documents, ids
 * `practice|<id>`, `chart|<id>` and `period|<practice>|<granularity>|<period>`; and what they read of
 * an event (its chart and practice); and how their counts add up.
 */
export const practiceDocumentId = (practiceId: string): string => `practice|${practiceId}`;
export const chartDocumentId = (chartId: string): string => `chart|${chartId}`;
export const periodDocumentId = (practiceId: string, granularity: string, period: string): string => `period|${practiceId}|${granularity}|${period}`;

/** The events that set a practice's time zone. */
export const PRACTICE_EVENTS: readonly string[] = ['PracticeCreated', 'PracticeSettingsChanged'];

export const chartIdOf = (event: RecordedEvent): string | undefined => {
  const chartId = (event.data as { chartId?: unknown }).chartId;
  return typeof chartId === 'string' ? chartId : undefined;
};

export const practiceIdOf = (event: RecordedEvent): string | undefined => {
  const fromData = (event.data as { practiceId?: unknown }).practiceId;
  return typeof fromData === 'string' ? fromData : (event.metadata.practiceId ?? undefined);
};

/** The documents an event of a chart is computed from, as they stood before it: the chart's and its practice's. */
export const chartAndPracticeContext = (event: RecordedEvent): string[] => {
  if (PRACTICE_EVENTS.includes(event.type)) return [];
  const chartId = chartIdOf(event);
  const practiceId = practiceIdOf(event);
  if (chartId === undefined) return [];
  return practiceId === undefined ? [chartDocumentId(chartId)] : [chartDocumentId(chartId), practiceDocumentId(practiceId)];
};

/** The zone periods are cut in when the practice has not set one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The document of a practice in a report collection: the time zone its periods are cut in. */
export interface PracticeTimeZoneDocument extends ReadDocument {
  readonly kind: 'practice';
  readonly practiceId: string;
  readonly timeZone: string;
}

/** The practice's document after a practice event: its `timeZone` setting, else what it had, else UTC. */
export const practiceTimeZoneDocument = (doc: PracticeTimeZoneDocument | null, event: RecordedEvent, id: string): PracticeTimeZoneDocument => {
  const practiceId = (event.data as { practiceId: string }).practiceId;
  const timeZone =
    event.type === 'PracticeSettingsChanged'
      ? ((event as RecordedEvent & PracticeSettingsChanged).data.settings as { timeZone?: string }).timeZone ?? DEFAULT_TIME_ZONE
      : (doc?.timeZone ?? DEFAULT_TIME_ZONE);
  return { _id: id, kind: 'practice', practiceId, timeZone };
};

/** `counts` with `delta` added key by key; a key that comes to 0 is left out. */
export const addCounts = (counts: Readonly<Record<string, number>>, delta: Readonly<Record<string, number>>): Record<string, number> => {
  const next = { ...counts };
  for (const [key, n] of Object.entries(delta)) {
    const value = (next[key] ?? 0) + n;
    if (value === 0) delete next[key];
    else next[key] = value;
  }
  return next;
};
