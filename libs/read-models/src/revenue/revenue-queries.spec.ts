import type { RecordedEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { at } from '../reports/report-history.fixture';
import { readReport } from '../reports/report-queries';
import { P, revenueHistory } from './revenue-history.fixture';
import { REVENUE, revenueProjection } from './revenue.projection';

const storeOf = async (...batches: RecordedEvent[][]) => {
  const store = new InMemoryReadStore();
  for (const batch of batches) await applyBatch(revenueProjection, store.collection(REVENUE), batch);
  return store;
};
const outstanding = async (store: InMemoryReadStore, to: string) => (await readReport(store, P, 'outstanding', { from: to, to, granularity: 'month' })).rows.at(-1);

describe('revenue reports (queries over the revenue collection)', () => {
  it('a payment entered later but dated on or before `to` counts as of `to` (its date is when it took effect)', async () => {
    const before = await storeOf(revenueHistory);
    expect(await outstanding(before, '2026-03-31')).toMatchObject({ outstanding: 21000 });
    const backdated = at(100, [
      { type: 'PaymentRecorded', at: '2026-06-01T12:00:00.000Z', data: { chartId: 'c-2', paymentId: 'pay-9', amount: 6000, currency: 'USD', method: 'other', date: '2026-03-30', reference: null, applications: [{ chargeId: 'ch-3', amount: 6000 }] } },
    ]);
    const after = await storeOf(revenueHistory, backdated);
    expect(await outstanding(after, '2026-03-29')).toMatchObject({ outstanding: 21000 });
    expect(await outstanding(after, '2026-03-31')).toMatchObject({ days61to90: 3000, outstanding: 15000 });
  });

  it('never adds currencies: a row per currency in each period, and an outstanding line per currency', async () => {
    const euros = at(100, [
      { type: 'ClientCreated', at: '2026-01-03T10:00:00.000Z', data: { chartId: 'c-3', practiceId: P, kind: 'individual', firstName: 'A', lastName: 'c-3', email: null } },
      {
        type: 'ChargeRecorded',
        at: '2026-02-06T03:00:00.000Z',
        data: { chartId: 'c-3', chargeId: 'ch-9', appointmentId: 'ch-9', kind: 'no-show', date: '2026-02-05', start: '2026-02-05T15:00:00.000Z', serviceId: null, serviceCode: null, serviceName: null, practitionerId: 'u-9', amount: 5000, currency: 'EUR' },
      },
    ]);
    const store = await storeOf(revenueHistory, euros);
    const february = (await readReport(store, P, 'revenue', { from: '2026-02-01', to: '2026-02-28', granularity: 'month' })).rows;
    expect(february.map((row) => [row.currency, row.charges, row.charged])).toEqual([
      ['EUR', 1, 5000],
      ['USD', 1, 12000],
    ]);
    const owed = (await readReport(store, P, 'outstanding', { from: '2026-03-31', to: '2026-03-31', granularity: 'month' })).rows;
    expect(owed.filter((row) => row.practitionerId === null).map((row) => [row.currency, row.outstanding])).toEqual([
      ['EUR', 5000],
      ['USD', 21000],
    ]);
  });

  it('a range with no money answers no rows; by week, a period starts on Monday', async () => {
    const store = await storeOf(revenueHistory);
    expect((await readReport(store, P, 'revenue', { from: '2025-01-01', to: '2025-12-31', granularity: 'month' })).rows).toEqual([]);
    const weeks = (await readReport(store, P, 'revenue', { from: '2026-01-19', to: '2026-01-25', granularity: 'week' })).rows;
    expect(weeks).toEqual([expect.objectContaining({ period: '2026-01-19', charges: 0, payments: 1, paidCard: 20000 })]);
  });
});
