import type { ReadStore } from '@practice/read-store';
import { USER_PROFILES } from '../profiles/user-profile.projection';
import { unkeyPart } from '../reports/contributions';
import { daysBetween, periodsBetween, periodStart } from '../reports/periods';
import type { ReportCell, ReportParameters, ReportResult } from '../reports/report-definitions';
import { agingBucketOf, agingBuckets, ALL_CLINICIANS, UNAPPLIED_CREDIT, type RevenueReportName } from './revenue-definitions';
import type { RevenueOpenDocument, RevenuePeriodDocument, RevenuePracticeDocument } from './revenue.document';
import { REVENUE, revenuePracticeId } from './revenue.projection';

type Row = Record<string, ReportCell>;
type Counts = Readonly<Record<string, number>>;

/** Reports are read from MongoDB secondaries when there are some. */
const REPORT_READ = { readPreference: 'secondaryPreferred' } as const;
const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/** Counters `<measure>:<currency>[:<detail>]` as [currency, detail, n]. */
const parts = (counts: Counts, measure: string): [string, string, number][] =>
  Object.entries(counts)
    .filter(([key]) => key.startsWith(`${measure}:`))
    .map(([key, n]) => {
      const [currency, ...detail] = key.slice(measure.length + 1).split(':');
      return [currency, unkeyPart(detail.join(':')), n];
    });

const namesOf = async (store: ReadStore, ids: readonly string[]) => {
  const users = ids.length === 0 ? [] : await store.collection(USER_PROFILES).find({ _id: { $in: [...ids] } }, REPORT_READ);
  const names = new Map(users.map((u) => [u._id, `${String(u.firstName ?? '')} ${String(u.lastName ?? '')}`.trim()]));
  return (id: string) => names.get(id) ?? null;
};

const periodDocs = async (store: ReadStore, practiceId: string, granularity: string, from: string, to: string) =>
  (await store.collection(REVENUE).find(
    { practiceId, granularity, period: { $gte: from, $lte: to } },
    { sort: { practiceId: 1, granularity: 1, period: 1 }, ...REPORT_READ },
  )) as unknown as RevenuePeriodDocument[];

const revenueRows = (periods: readonly string[], flows: ReadonlyMap<string, Counts>): Row[] => {
  const currencies = [...new Set([...flows.values()].flatMap((flow) => Object.keys(flow).map((key) => key.split(':')[1])))].sort();
  const rows: Row[] = [];
  for (const period of periods) {
    const flow = flows.get(period) ?? {};
    for (const currency of currencies) {
      const paidBy = (method: string) => flow[`paid:${currency}:${method}`] ?? 0;
      const paid = paidBy('card') + paidBy('cash') + paidBy('check') + paidBy('other');
      const refunded = flow[`refunded:${currency}`] ?? 0;
      rows.push({
        period, currency, charges: flow[`charges:${currency}`] ?? 0, charged: flow[`charged:${currency}`] ?? 0,
        payments: flow[`payments:${currency}`] ?? 0, paid, paidCard: paidBy('card'), paidCash: paidBy('cash'), paidCheck: paidBy('check'), paidOther: paidBy('other'),
        refunds: flow[`refunds:${currency}`] ?? 0, refunded, net: paid - refunded,
      });
    }
  }
  return rows;
};

const byClinicianRows = (periods: readonly string[], flows: ReadonlyMap<string, Counts>): Row[] => {
  const rows: Row[] = [];
  for (const period of periods) {
    const flow = flows.get(period) ?? {};
    const lines = new Map<string, { charges: number; charged: number; paid: number; refunded: number }>();
    const line = (currency: string, practitionerId: string) => {
      const key = `${currency}\u0000${practitionerId}`;
      const entry = lines.get(key) ?? { charges: 0, charged: 0, paid: 0, refunded: 0 };
      lines.set(key, entry);
      return entry;
    };
    for (const [currency, id, n] of parts(flow, 'clinicianCharges')) line(currency, id).charges += n;
    for (const [currency, id, n] of parts(flow, 'clinicianCharged')) line(currency, id).charged += n;
    for (const [currency, id, n] of parts(flow, 'clinicianPaid')) line(currency, id).paid += n;
    for (const [currency, id, n] of parts(flow, 'clinicianRefunded')) line(currency, id).refunded += n;
    // The credit line sorts after the clinicians of its currency ('\u ffff').
    for (const [currency, , n] of parts(flow, 'creditPaid')) line(currency, '\uffff').paid += n;
    for (const [currency, , n] of parts(flow, 'creditRefunded')) line(currency, '\uffff').refunded += n;
    for (const [key, c] of [...lines].sort(byKey)) {
      const [currency, id] = key.split('\u0000');
      const credit = id === '\uffff';
      rows.push({ period, currency, practitionerId: credit ? null : id, practitionerName: credit ? UNAPPLIED_CREDIT : id, ...c, net: c.paid - c.refunded });
    }
  }
  return rows;
};

/** The credit (payments not applied to a charge, less refunds of it) as of `asOf`: whole months, then days. */
const creditAsOf = async (store: ReadStore, practiceId: string, asOf: string): Promise<Map<string, number>> => {
  const month = periodStart(asOf, 'month');
  const docs = [...(await periodDocs(store, practiceId, 'month', '0000-01-01', month)).filter((d) => d.period < month), ...(await periodDocs(store, practiceId, 'day', month, asOf))];
  const credit = new Map<string, number>();
  for (const doc of docs) {
    for (const [currency, , n] of parts(doc.flow, 'creditPaid')) credit.set(currency, (credit.get(currency) ?? 0) + n);
    for (const [currency, , n] of parts(doc.flow, 'creditRefunded')) credit.set(currency, (credit.get(currency) ?? 0) - n);
  }
  return credit;
};

const outstandingRows = async (store: ReadStore, practiceId: string, asOf: string): Promise<Row[]> => {
  // Only the days with something owed as of `asOf` (index practice_settled_charge_date).
  const open = (await store.collection(REVENUE).find(
    { practiceId, settledFrom: { $gt: asOf }, chargeDate: { $lte: asOf } },
    { sort: { practiceId: 1, settledFrom: 1, chargeDate: 1 }, ...REPORT_READ },
  )) as unknown as RevenueOpenDocument[];
  const lines = new Map<string, Record<string, number>>();
  const add = (currency: string, practitionerId: string, bucket: string, n: number) => {
    const key = `${currency}\u0000${practitionerId}`;
    const entry = lines.get(key) ?? { days0to30: 0, days31to60: 0, days61to90: 0, over90: 0, outstanding: 0 };
    entry[bucket] += n;
    entry.outstanding += n;
    lines.set(key, entry);
  };
  for (const doc of open) {
    const bucket = agingBucketOf(daysBetween(doc.chargeDate, asOf));
    for (const [key, n] of Object.entries(doc.changes)) {
      const [effectDate, practitioner] = key.split('|');
      if (effectDate > asOf) continue;
      add(doc.currency, unkeyPart(practitioner), bucket, n);
      add(doc.currency, '\uffff', bucket, n);
    }
  }
  const credit = await creditAsOf(store, practiceId, asOf);
  for (const [currency, n] of credit) if (n !== 0 && !lines.has(`${currency}\u0000\uffff`)) add(currency, '\uffff', 'days0to30', 0);
  const rows: Row[] = [];
  for (const [key, amounts] of [...lines].sort(byKey)) {
    const [currency, id] = key.split('\u0000');
    const practice = id === '\uffff';
    if (!practice && amounts.outstanding === 0) continue;
    const unappliedCredit = practice ? (credit.get(currency) ?? 0) : null;
    const bucketCells = Object.fromEntries(agingBuckets.map((bucket) => [bucket, amounts[bucket]]));
    rows.push({
      asOf, currency, practitionerId: practice ? null : id, practitionerName: practice ? ALL_CLINICIANS : id, ...bucketCells,
      outstanding: amounts.outstanding, unappliedCredit, balance: unappliedCredit === null ? null : amounts.outstanding - unappliedCredit,
    });
  }
  return rows;
};

/** A revenue report of a practice, read from the documents the revenue projection keeps. */
export const readRevenueReport = async (
  store: ReadStore,
  practiceId: string,
  report: RevenueReportName,
  params: ReportParameters,
  columns: readonly string[],
): Promise<ReportResult> => {
  const practice = (await store.collection(REVENUE).find({ _id: revenuePracticeId(practiceId) }, REPORT_READ))[0] as RevenuePracticeDocument | undefined;
  let rows: Row[];
  if (report === 'outstanding') rows = await outstandingRows(store, practiceId, params.to);
  else {
    const periods = periodsBetween(params.from, params.to, params.granularity);
    const docs = await periodDocs(store, practiceId, params.granularity, periods[0], params.to);
    const flows = new Map(docs.map((doc) => [doc.period, doc.flow]));
    rows = report === 'revenue' ? revenueRows(periods, flows) : byClinicianRows(periods, flows);
  }
  const ids = [...new Set(rows.map((row) => row.practitionerId).filter((id): id is string => typeof id === 'string'))];
  const name = await namesOf(store, ids);
  for (const row of rows) if (typeof row.practitionerId === 'string') row.practitionerName = name(row.practitionerId);
  return { report, practiceId, ...params, timeZone: practice?.timeZone ?? 'UTC', columns, rows };
};
