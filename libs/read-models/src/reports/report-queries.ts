import type { ReadStore } from '@practice/read-store';
import { TAGS, type TagDocument } from '../tags/tag.projection';
import { USER_PROFILES } from '../profiles/user-profile.projection';
import { unkeyPart } from './contributions';
import { daysBetween, nextPeriod, periodsBetween, type Granularity } from './periods';
import {
  ageBandOf,
  needsAttentionAgeOf,
  reportColumns,
  suppressed,
  type ReportCell,
  type ReportName,
  type ReportParameters,
  type ReportResult,
} from './report-definitions';
import type { ReportPeriodDocument, ReportPracticeDocument } from './report.document';
import { practiceReportId, REPORTS } from './report.projection';
import { DEFAULT_TIME_ZONE } from './practice-documents';
import { isRevenueReportName } from '../revenue/revenue-definitions';
import { readRevenueReport } from '../revenue/revenue-queries';

type Counts = Readonly<Record<string, number>>;
type Row = Record<string, ReportCell>;

/** Reports are read from MongoDB secondaries when there are some (the index practice_granularity_period serves them). */
const REPORT_READ = { readPreference: 'secondaryPreferred' } as const;

/** The last day of a period, but never after `to`. */
const endOf = (period: string, granularity: Granularity, to: string): string => {
  const last = new Date(Date.parse(`${nextPeriod(period, granularity)}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
  return last < to ? last : to;
};

/** `prefix:<value>` counters as value -> count, without zeros. */
const measure = (counts: Counts, prefix: string): [string, number][] =>
  Object.entries(counts)
    .filter(([key, n]) => key.startsWith(`${prefix}:`) && n !== 0)
    .map(([key, n]) => [unkeyPart(key.slice(prefix.length + 1)), n] as [string, number])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const sum = (into: Record<string, number>, counts: Counts): void => {
  for (const [key, n] of Object.entries(counts)) into[key] = (into[key] ?? 0) + n;
};

/** Per period of the range: the flow counted in it and the standing counts at its end. */
const byPeriod = (docs: readonly ReportPeriodDocument[], params: ReportParameters) => {
  const periods = periodsBetween(params.from, params.to, params.granularity);
  const standing: Record<string, number> = {};
  let next = 0;
  return periods.map((period) => {
    let flow: Counts = {};
    while (next < docs.length && docs[next].period <= period) {
      sum(standing, docs[next].stock);
      if (docs[next].period === period) flow = docs[next].flow;
      next += 1;
    }
    return { period, end: endOf(period, params.granularity, params.to), flow, stock: { ...standing } as Counts };
  });
};

const namesOf = async (store: ReadStore, practiceId: string, keys: { practitioners: string[]; tags: string[] }) => {
  const users = keys.practitioners.length === 0 ? [] : await store.collection(USER_PROFILES).find({ _id: { $in: keys.practitioners } }, REPORT_READ);
  const tags = keys.tags.length === 0 ? [] : await store.collection<TagDocument>(TAGS).find({ _id: { $in: keys.tags }, practiceId }, REPORT_READ);
  const practitioner = new Map(users.map((u) => [u._id, `${String(u.firstName ?? '')} ${String(u.lastName ?? '')}`.trim()]));
  const tag = new Map(tags.map((t) => [t._id, t.name]));
  return { practitioner: (id: string) => practitioner.get(id) ?? null, tag: (id: string) => tag.get(id) ?? null };
};

/**
 * A report of a practice over a range of days, read from the period documents the report projection
 * keeps (a few documents per period, whatever the number of clients or appointments).
 */
export const readReport = async (store: ReadStore, practiceId: string, report: ReportName, params: ReportParameters): Promise<ReportResult> => {
  // The revenue reports are kept by their own projection (the `revenue` collection).
  if (isRevenueReportName(report)) return readRevenueReport(store, practiceId, report, params, reportColumns[report]);
  const collection = store.collection(REPORTS);
  const practice = (await collection.find({ _id: practiceReportId(practiceId) }, REPORT_READ))[0] as ReportPracticeDocument | undefined;
  const granularity: Granularity = report === 'needs-attention' ? 'day' : params.granularity;
  const docs = (await collection.find(
    { practiceId, granularity, period: { $lte: params.to } },
    { sort: { practiceId: 1, granularity: 1, period: 1 }, ...REPORT_READ },
  )) as unknown as ReportPeriodDocument[];
  // Needs Attention counts the open items by the day they came up: it needs no standing counts per period.
  const periods = report === 'needs-attention' ? [] : byPeriod(docs, params);
  const rows: Row[] = [];
  const keys = { practitioners: new Set<string>(), tags: new Set<string>() };

  switch (report) {
    case 'new-clients':
      for (const p of periods) rows.push({ period: p.period, newClients: p.flow.newClients ?? 0 });
      break;
    case 'client-status':
      for (const p of periods) rows.push({ period: p.period, active: p.stock['status:Active'] ?? 0, pending: p.stock['status:Pending'] ?? 0, inactive: p.stock['status:Inactive'] ?? 0 });
      break;
    case 'caseload':
      for (const p of periods) for (const [id, n] of measure(p.stock, 'caseload')) rows.push({ period: p.period, practitionerId: id, practitionerName: id, clients: n });
      break;
    case 'appointments':
      for (const p of periods) {
        const byPractitioner = new Map<string, Record<string, number>>();
        for (const [key, n] of measure(p.flow, 'appointment')) {
          const [practitionerId, status] = key.split(':');
          byPractitioner.set(practitionerId, { ...byPractitioner.get(practitionerId), [status]: n });
        }
        for (const [practitionerId, c] of byPractitioner) {
          const completed = c.completed ?? 0;
          const lateCancelled = c['late-cancelled'] ?? 0;
          const noShow = c['no-show'] ?? 0;
          // Attended out of those that were due: a cancellation in good time is not a missed session.
          const due = completed + lateCancelled + noShow;
          const attendanceRate = due === 0 ? null : Math.round((completed / due) * 1000) / 1000;
          rows.push({ period: p.period, practitionerId, practitionerName: practitionerId, booked: c.booked ?? 0, completed, cancelled: c.cancelled ?? 0, lateCancelled, noShow, attendanceRate });
        }
      }
      break;
    case 'demographics':
      for (const p of periods) {
        const ages = new Map<string, number>();
        for (const [birth, n] of measure(p.stock, 'birth')) {
          const band = birth === 'unknown' ? 'unknown' : ageBandOf(birth, p.end);
          ages.set(band, (ages.get(band) ?? 0) + n);
        }
        const dimensions: [string, [string, number][]][] = [
          ['ageBand', [...ages].sort(([a], [b]) => (a < b ? -1 : 1))],
          ['genderIdentity', measure(p.stock, 'gender')],
          ['pronouns', measure(p.stock, 'pronouns')],
          ['legalSex', measure(p.stock, 'legalSex')],
        ];
        for (const [dimension, values] of dimensions) {
          for (const [value, n] of values) if (n > 0) rows.push({ period: p.period, dimension, value, count: suppressed(n) });
        }
      }
      break;
    case 'tags':
      for (const p of periods) for (const [id, n] of measure(p.stock, 'tag')) rows.push({ period: p.period, tagId: id, tagName: id, clients: n });
      break;
    case 'needs-attention': {
      const open = new Map<string, number>();
      for (const doc of docs) {
        for (const [reason, n] of measure(doc.flow, 'needsAttention')) {
          const key = `${reason}|${needsAttentionAgeOf(daysBetween(doc.period, params.to))}`;
          open.set(key, (open.get(key) ?? 0) + n);
        }
      }
      for (const [key, n] of [...open].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const [reason, age] = key.split('|');
        if (n > 0) rows.push({ asOf: params.to, reason, age, items: n });
      }
      break;
    }
    default: {
      const never: never = report;
      throw new Error(`unknown report ${String(never)}`);
    }
  }

  for (const row of rows) {
    if (typeof row.practitionerId === 'string') keys.practitioners.add(row.practitionerId);
    if (typeof row.tagId === 'string') keys.tags.add(row.tagId);
  }
  const names = await namesOf(store, practiceId, { practitioners: [...keys.practitioners], tags: [...keys.tags] });
  for (const row of rows) {
    if (typeof row.practitionerId === 'string') row.practitionerName = names.practitioner(row.practitionerId);
    if (typeof row.tagId === 'string') row.tagName = names.tag(row.tagId);
  }
  return { report, practiceId, ...params, timeZone: practice?.timeZone ?? DEFAULT_TIME_ZONE, columns: reportColumns[report], rows };
};
