import type { ReadStore } from '@practice/read-store';
import { applyBatch, readReport, REVENUE, revenueProjection, USER_PROFILES } from '@practice/read-models';
import { P, revenueHistory } from '../../libs/read-models/src/revenue/revenue-history.fixture';
import { reportSpecsOnBothStores } from '../support/report-read-stores';

/** The revenue reports on the in-memory store and on MongoDB (the driver over the wire-protocol test server). */
const revenueSpecs = (name: string, open: () => Promise<ReadStore>) =>
  describe(`revenue reports read from ${name}`, () => {
    let store: ReadStore;
    const quarter = { from: '2026-01-01', to: '2026-03-31', granularity: 'month' } as const;
    const asOf = (to: string) => readReport(store, P, 'outstanding', { from: to, to, granularity: 'day' });

    beforeAll(async () => {
      store = await open();
      await store.collection(REVENUE).ensureIndexes(revenueProjection.indexes);
      await applyBatch(revenueProjection, store.collection(REVENUE), revenueHistory);
      await store.collection(USER_PROFILES).bulkWrite([
        { kind: 'put', doc: { _id: 'u-9', firstName: 'Ruth', lastName: 'Ng' } },
        { kind: 'put', doc: { _id: 'u-8', firstName: 'Sam', lastName: 'Ode' } },
      ]);
    });
    afterAll(() => store.close());

    it('revenue per month and currency: charges, payments by method, refunds, net (minor units)', async () => {
      const report = await readReport(store, P, 'revenue', quarter);
      expect(report).toMatchObject({ report: 'revenue', timeZone: 'America/New_York' });
      expect(report.rows).toEqual([
        { period: '2026-01-01', currency: 'USD', charges: 2, charged: 25000, payments: 1, paid: 20000, paidCard: 20000, paidCash: 0, paidCheck: 0, paidOther: 0, refunds: 0, refunded: 0, net: 20000 },
        { period: '2026-02-01', currency: 'USD', charges: 1, charged: 12000, payments: 0, paid: 0, paidCard: 0, paidCash: 0, paidCheck: 0, paidOther: 0, refunds: 1, refunded: 8000, net: -8000 },
        { period: '2026-03-01', currency: 'USD', charges: 0, charged: 0, payments: 1, paid: 4000, paidCard: 0, paidCash: 4000, paidCheck: 0, paidOther: 0, refunds: 0, refunded: 0, net: 4000 },
      ]);
      // By day, in the practice time zone: the evening session of 5 January (6 January in UTC).
      expect((await readReport(store, P, 'revenue', { from: '2026-01-05', to: '2026-01-06', granularity: 'day' })).rows.map((r) => [r.period, r.charged])).toEqual([
        ['2026-01-05', 15000],
        ['2026-01-06', 0],
      ]);
    });

    it('income by clinician: payments and refunds as applied to each clinician\'s charges, the unapplied credit on a line of its own', async () => {
      const rows = (await readReport(store, P, 'revenue-by-clinician', quarter)).rows;
      expect(rows).toEqual([
        { period: '2026-01-01', currency: 'USD', practitionerId: 'u-9', practitionerName: 'Ruth Ng', charges: 2, charged: 25000, paid: 15000, refunded: 0, net: 15000 },
        { period: '2026-01-01', currency: 'USD', practitionerId: null, practitionerName: '(unapplied credit)', charges: 0, charged: 0, paid: 5000, refunded: 0, net: 5000 },
        { period: '2026-02-01', currency: 'USD', practitionerId: 'u-8', practitionerName: 'Sam Ode', charges: 1, charged: 12000, paid: 0, refunded: 0, net: 0 },
        { period: '2026-02-01', currency: 'USD', practitionerId: 'u-9', practitionerName: 'Ruth Ng', charges: 0, charged: 0, paid: 0, refunded: 3000, net: -3000 },
        { period: '2026-02-01', currency: 'USD', practitionerId: null, practitionerName: '(unapplied credit)', charges: 0, charged: 0, paid: 0, refunded: 5000, net: -5000 },
        { period: '2026-03-01', currency: 'USD', practitionerId: 'u-9', practitionerName: 'Ruth Ng', charges: 0, charged: 0, paid: 4000, refunded: 0, net: 4000 },
      ]);
    });

    it('outstanding as of `to`, aged by the charge\'s day; a payment dated after `to` does not reduce it', async () => {
      expect((await asOf('2026-03-31')).rows).toEqual([
        { asOf: '2026-03-31', currency: 'USD', practitionerId: 'u-8', practitionerName: 'Sam Ode', days0to30: 0, days31to60: 12000, days61to90: 0, over90: 0, outstanding: 12000, unappliedCredit: null, balance: null },
        { asOf: '2026-03-31', currency: 'USD', practitionerId: 'u-9', practitionerName: 'Ruth Ng', days0to30: 0, days31to60: 0, days61to90: 9000, over90: 0, outstanding: 9000, unappliedCredit: null, balance: null },
        { asOf: '2026-03-31', currency: 'USD', practitionerId: null, practitionerName: '(all clinicians)', days0to30: 0, days31to60: 12000, days61to90: 9000, over90: 0, outstanding: 21000, unappliedCredit: 0, balance: 21000 },
      ]);
      // On 31 January: c-1's charge is paid, c-2's is 16 days old, and c-1 has 50.00 of credit.
      expect((await asOf('2026-01-31')).rows).toEqual([
        { asOf: '2026-01-31', currency: 'USD', practitionerId: 'u-9', practitionerName: 'Ruth Ng', days0to30: 10000, days31to60: 0, days61to90: 0, over90: 0, outstanding: 10000, unappliedCredit: null, balance: null },
        { asOf: '2026-01-31', currency: 'USD', practitionerId: null, practitionerName: '(all clinicians)', days0to30: 10000, days31to60: 0, days61to90: 0, over90: 0, outstanding: 10000, unappliedCredit: 5000, balance: 5000 },
      ]);
      // After the check of 10 April: what is left is over 90 days old; the same as the ledgers' balances.
      expect((await asOf('2026-04-30')).rows.at(-1)).toMatchObject({ over90: 9000, outstanding: 9000, unappliedCredit: 0, balance: 9000 });
      // Before the first charge: nothing.
      expect((await asOf('2026-01-01')).rows).toEqual([]);
    });

    it('another practice reads nothing of this one', async () => {
      expect((await readReport(store, 'p-other', 'revenue', quarter)).rows).toEqual([]);
      expect((await readReport(store, 'p-other', 'outstanding', quarter)).rows).toEqual([]);
    });
  });

reportSpecsOnBothStores(REVENUE, 'revenue_reads', revenueSpecs);
