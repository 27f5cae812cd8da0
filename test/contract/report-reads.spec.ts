import type { ReadStore } from '@practice/read-store';
import { applyBatch, readReport, REPORTS, reportProjection, TAGS, USER_PROFILES } from '@practice/read-models';
import { history, P } from '../../libs/read-models/src/reports/report-history.fixture';
import { reportSpecsOnBothStores } from '../support/report-read-stores';

/** The same report specs on the in-memory store and on MongoDB (the driver over the wire-protocol test server). */
const reportSpecs = (name: string, open: () => Promise<ReadStore>) =>
  describe(`reports read from ${name}`, () => {
    let store: ReadStore;
    const quarter = { from: '2026-01-01', to: '2026-03-31', granularity: 'month' } as const;

    beforeAll(async () => {
      store = await open();
      await store.collection(REPORTS).ensureIndexes(reportProjection.indexes);
      await applyBatch(reportProjection, store.collection(REPORTS), history);
      await store.collection(USER_PROFILES).bulkWrite([{ kind: 'put', doc: { _id: 'u-9', firstName: 'Ruth', lastName: 'Ng' } }]);
      await store.collection(TAGS).bulkWrite([{ kind: 'put', doc: { _id: 't-1', practiceId: P, name: 'VIP', sortName: 'vip' } }]);
    });
    afterAll(() => store.close());

    it('new clients per month, in the practice time zone', async () => {
      const report = await readReport(store, P, 'new-clients', quarter);
      expect(report).toMatchObject({ timeZone: 'America/New_York', columns: ['period', 'newClients'] });
      expect(report.rows).toEqual([
        { period: '2026-01-01', newClients: 2 },
        { period: '2026-02-01', newClients: 0 },
        { period: '2026-03-01', newClients: 0 },
      ]);
    });

    it('Active / Pending / Inactive at the end of each period', async () => {
      expect((await readReport(store, P, 'client-status', quarter)).rows).toEqual([
        { period: '2026-01-01', active: 2, pending: 0, inactive: 0 },
        { period: '2026-02-01', active: 1, pending: 1, inactive: 0 },
        { period: '2026-03-01', active: 0, pending: 1, inactive: 1 },
      ]);
      // By day: the standing counts before the range are carried into it.
      expect((await readReport(store, P, 'client-status', { from: '2026-02-10', to: '2026-02-11', granularity: 'day' })).rows).toEqual([
        { period: '2026-02-10', active: 1, pending: 1, inactive: 0 },
        { period: '2026-02-11', active: 1, pending: 1, inactive: 0 },
      ]);
    });

    it('caseload per clinician, and appointments by status with the attendance rate, by practitioner name', async () => {
      expect((await readReport(store, P, 'caseload', quarter)).rows).toEqual([
        { period: '2026-01-01', practitionerId: 'u-9', practitionerName: 'Ruth Ng', clients: 1 },
        { period: '2026-02-01', practitionerId: 'u-9', practitionerName: 'Ruth Ng', clients: 1 },
      ]);
      expect((await readReport(store, P, 'appointments', quarter)).rows).toEqual([
        { period: '2026-02-01', practitionerId: 'u-9', practitionerName: 'Ruth Ng', booked: 0, completed: 1, cancelled: 1, lateCancelled: 0, noShow: 1, attendanceRate: 0.5 },
      ]);
    });

    it('demographics with counts from 1 to 4 shown as "<5"; tags with their names', async () => {
      const demographics = await readReport(store, P, 'demographics', { from: '2026-01-01', to: '2026-01-31', granularity: 'month' });
      expect(demographics.rows).toEqual(
        expect.arrayContaining([
          { period: '2026-01-01', dimension: 'ageBand', value: 'unknown', count: '<5' },
          { period: '2026-01-01', dimension: 'genderIdentity', value: 'woman', count: '<5' },
          { period: '2026-01-01', dimension: 'legalSex', value: 'recorded', count: '<5' },
          { period: '2026-01-01', dimension: 'pronouns', value: 'she/her', count: '<5' },
        ]),
      );
      expect(demographics.rows.every((row) => row.count === '<5' || (typeof row.count === 'number' && row.count >= 5))).toBe(true);
      expect((await readReport(store, P, 'tags', quarter)).rows).toEqual([
        { period: '2026-02-01', tagId: 't-1', tagName: 'VIP', clients: 1 },
        { period: '2026-03-01', tagId: 't-1', tagName: 'VIP', clients: 1 },
      ]);
    });

    it('open Needs Attention items by age as of the end of the range', async () => {
      expect((await readReport(store, P, 'needs-attention', quarter)).rows).toEqual([
        { asOf: '2026-03-31', reason: 'ClientSetupIncomplete', age: '31-90 days', items: 1 },
      ]);
    });

    it('another practice reads nothing of this one', async () => {
      expect((await readReport(store, 'p-other', 'client-status', quarter)).rows.every((r) => r.active === 0 && r.pending === 0)).toBe(true);
    });
  });

reportSpecsOnBothStores(REPORTS, 'report_reads', reportSpecs);
