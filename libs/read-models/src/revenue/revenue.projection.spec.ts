import type { RecordedEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { at } from '../reports/report-history.fixture';
import { P, revenueHistory } from './revenue-history.fixture';
import { REVENUE, revenueChartId, revenueOpenId, revenuePeriodId, revenueProjection, settledFromOf, STILL_OPEN } from './revenue.projection';
import type { RevenueOpenDocument, RevenuePeriodDocument } from './revenue.document';

const stored = async (batches: readonly RecordedEvent[][]) => {
  const collection = new InMemoryReadStore().collection(REVENUE);
  for (const batch of batches) await applyBatch(revenueProjection, collection, batch);
  return collection;
};
const flowOf = async (collection: Awaited<ReturnType<typeof stored>>, granularity: string, period: string) =>
  ((await collection.get(revenuePeriodId(P, granularity, period))) as RevenuePeriodDocument | null)?.flow;

describe('revenue projection (money per practice and period, open charges by day)', () => {
  it('dates a charge by its session in the practice time zone, a payment and a refund by their own dates', async () => {
    const revenue = await stored([revenueHistory]);
    // 02:00 UTC on 6 January is the evening of 5 January in New York.
    expect(await flowOf(revenue, 'day', '2026-01-05')).toEqual({
      'charges:USD': 1, 'charged:USD': 15000, 'clinicianCharges:USD:u-9': 1, 'clinicianCharged:USD:u-9': 15000,
    });
    expect(await flowOf(revenue, 'month', '2026-01-01')).toEqual({
      'charges:USD': 2, 'charged:USD': 25000, 'clinicianCharges:USD:u-9': 2, 'clinicianCharged:USD:u-9': 25000,
      'payments:USD': 1, 'paid:USD:card': 20000, 'clinicianPaid:USD:u-9': 15000, 'creditPaid:USD': 5000,
    });
    expect(await flowOf(revenue, 'month', '2026-02-01')).toEqual({
      'charges:USD': 1, 'charged:USD': 12000, 'clinicianCharges:USD:u-8': 1, 'clinicianCharged:USD:u-8': 12000,
      'refunds:USD': 1, 'refunded:USD': 8000, 'clinicianRefunded:USD:u-9': 3000, 'creditRefunded:USD': 5000,
    });
    // Weeks start on Monday: Friday 20 March is in the week of 16 March.
    expect(await flowOf(revenue, 'week', '2026-03-16')).toEqual({ 'payments:USD': 1, 'paid:USD:cash': 4000, 'clinicianPaid:USD:u-9': 4000 });
  });

  it('keeps the open amount of each day of charges as changes by the day they took effect', async () => {
    const revenue = await stored([revenueHistory]);
    expect(await revenue.get(revenueOpenId(P, 'USD', '2026-01-05'))).toMatchObject({
      kind: 'open', chargeDate: '2026-01-05', currency: 'USD',
      changes: { '2026-01-05|u-9': 15000, '2026-01-20|u-9': -15000, '2026-02-01|u-9': 3000 },
      settledFrom: STILL_OPEN,
    });
    // Paid in full on 10 April: nothing of it is owed from that day on.
    expect(((await revenue.get(revenueOpenId(P, 'USD', '2026-02-10'))) as RevenueOpenDocument).settledFrom).toBe('2026-04-10');
  });

  it('a day of charges is settled from the first day after which every clinician is owed nothing', () => {
    expect(settledFromOf({})).toBe('0000-01-01');
    expect(settledFromOf({ '2026-01-01|a': 10, '2026-01-05|a': -10 })).toBe('2026-01-05');
    expect(settledFromOf({ '2026-01-01|a': 10, '2026-01-05|a': -10, '2026-01-09|a': 4 })).toBe(STILL_OPEN);
    expect(settledFromOf({ '2026-01-01|a': 10, '2026-01-01|b': 5, '2026-01-05|a': -10, '2026-01-07|b': -5 })).toBe('2026-01-07');
  });

  it('gives the same documents whether the events come in one batch or one by one', async () => {
    const together = await stored([revenueHistory]);
    const apart = await stored(revenueHistory.map((event) => [event]));
    const strip = (docs: readonly object[]) => docs.map(({ _position: _p, ...doc }: { _position?: number }) => doc);
    expect(strip(await apart.find({}, { sort: { _id: 1 } }))).toEqual(strip(await together.find({}, { sort: { _id: 1 } })));
  });

  it('applying the same events twice changes nothing', async () => {
    const once = await stored([revenueHistory]);
    const twice = await stored([revenueHistory, revenueHistory, revenueHistory.slice(4, 9)]);
    expect(await twice.find({}, { sort: { _id: 1 } })).toEqual(await once.find({}, { sort: { _id: 1 } }));
  });

  it('a charge, payment or refund seen again under another event (a retried command) is not counted twice', async () => {
    const again = at(100, revenueHistory.slice(4, 8).map(({ type, data, metadata }) => ({ type, data, at: metadata.occurredAt }) as never));
    const revenue = await stored([revenueHistory, again]);
    expect(await flowOf(revenue, 'month', '2026-01-01')).toMatchObject({ 'charges:USD': 2, 'paid:USD:card': 20000 });
    expect(await flowOf(revenue, 'month', '2026-02-01')).toMatchObject({ 'refunds:USD': 1, 'refunded:USD': 8000 });
  });

  it('never adds different currencies: each counter and each day of open charges is per currency', async () => {
    const euros = at(100, [
      { type: 'ClientCreated', at: '2026-01-03T10:00:00.000Z', data: { chartId: 'c-3', practiceId: P, kind: 'individual', firstName: 'A', lastName: 'c-3', email: null } },
      {
        type: 'ChargeRecorded',
        at: '2026-01-06T03:00:00.000Z',
        data: { chartId: 'c-3', chargeId: 'ch-9', appointmentId: 'ch-9', kind: 'no-show', date: '2026-01-05', start: '2026-01-05T15:00:00.000Z', serviceId: null, serviceCode: null, serviceName: null, practitionerId: 'u-9', amount: 5000, currency: 'EUR' },
      },
    ]);
    const revenue = await stored([revenueHistory, euros]);
    expect(await flowOf(revenue, 'day', '2026-01-05')).toMatchObject({ 'charges:USD': 1, 'charged:USD': 15000, 'charges:EUR': 1, 'charged:EUR': 5000 });
    expect(((await revenue.get(revenueOpenId(P, 'EUR', '2026-01-05'))) as RevenueOpenDocument).changes).toEqual({ '2026-01-05|u-9': 5000 });
  });

  it('a deleted client takes its charges and payments out of every period and of the open amounts', async () => {
    const deleted = at(100, [{ type: 'ClientDeleted', at: '2026-05-01T12:00:00.000Z', data: { chartId: 'c-2', practiceId: P, email: null } }]);
    const revenue = await stored([revenueHistory, deleted]);
    expect(await revenue.get(revenueChartId('c-2'))).toBeNull();
    expect(await flowOf(revenue, 'month', '2026-01-01')).toMatchObject({ 'charges:USD': 1, 'charged:USD': 15000 });
    expect(await flowOf(revenue, 'month', '2026-03-01')).toEqual({});
    expect(((await revenue.get(revenueOpenId(P, 'USD', '2026-01-15'))) as RevenueOpenDocument).changes).toEqual({});
  });
});
