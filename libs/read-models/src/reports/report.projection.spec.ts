import type { RecordedEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { chartReportId, periodReportId, REPORTS, reportProjection } from './report.projection';
import { at, history, P } from './report-history.fixture';
import type { ReportPeriodDocument } from './report.document';

const stored = async (batches: readonly RecordedEvent[][]) => {
  const collection = new InMemoryReadStore().collection<ReportPeriodDocument>(REPORTS);
  for (const batch of batches) await applyBatch(reportProjection, collection, batch);
  return collection;
};

describe('reports projection (counts per practice and period)', () => {
  it('counts new clients, status changes, demographics, tags and Needs Attention in the period they happened, in the practice time zone', async () => {
    const reports = await stored([history]);
    expect(await reports.get(periodReportId(P, 'day', '2026-01-04'))).toMatchObject({
      flow: { newClients: 1 },
      stock: { 'status:Active': 1, 'gender:not recorded': 1, 'legalSex:not recorded': 1, 'birth:unknown': 1 },
    });
    // c-2 came in and said who she is on the same day: only the result shows.
    expect((await reports.get(periodReportId(P, 'day', '2026-01-05')))?.stock).toEqual({
      'status:Active': 1, 'gender:woman': 1, 'pronouns:she/her': 1, 'legalSex:recorded': 1, 'birth:unknown': 1,
      'caseload:u-9': 1,
    });
    // Weeks start on Monday: 4 January (Sunday) belongs to the week of 29 December.
    expect((await reports.get(periodReportId(P, 'week', '2025-12-29')))?.flow).toMatchObject({ newClients: 1 });
    expect((await reports.get(periodReportId(P, 'month', '2026-01-01')))?.flow).toMatchObject({ newClients: 2 });
    expect((await reports.get(periodReportId(P, 'month', '2026-02-01')))?.stock).toEqual({ 'status:Active': -1, 'status:Pending': 1, 'tag:t-1': 1 });
    // Needs Attention: c-1's setup problem came up on 4 January and was resolved; c-2's stays open.
    expect((await reports.get(periodReportId(P, 'day', '2026-01-04')))?.flow['needsAttention:ClientSetupIncomplete']).toBeUndefined();
    expect((await reports.get(periodReportId(P, 'day', '2026-01-05')))?.flow['needsAttention:ClientSetupIncomplete']).toBe(1);
  });

  it('counts appointments by status (no-shows too) in the period they take place, and caseload per practitioner', async () => {
    const reports = await stored([history]);
    expect((await reports.get(periodReportId(P, 'month', '2026-02-01')))?.flow).toEqual({ 'appointment:u-9:completed': 1, 'appointment:u-9:cancelled': 1, 'appointment:u-9:no-show': 1 });
    // Deactivated on 1 March (noon in New York): c-1 leaves Active, the demographics and u-9's caseload.
    expect((await reports.get(periodReportId(P, 'day', '2026-03-01')))?.stock).toEqual({
      'status:Active': -1, 'status:Inactive': 1, 'caseload:u-9': -1, 'gender:not recorded': -1, 'pronouns:not recorded': -1,
      'legalSex:not recorded': -1, 'birth:unknown': -1,
    });
  });

  it('gives the same documents whether the events come in one batch or one by one', async () => {
    const together = await stored([history]);
    const apart = await stored(history.map((event) => [event]));
    const ids = [periodReportId(P, 'day', '2026-01-04'), periodReportId(P, 'week', '2026-02-02'), periodReportId(P, 'month', '2026-03-01'), chartReportId('c-1')];
    for (const id of ids) expect(await apart.get(id)).toEqual(await together.get(id));
  });

  it('applying the same events twice changes nothing', async () => {
    const once = await stored([history]);
    const twice = await stored([history, history, history.slice(3, 8)]);
    expect(await twice.find({})).toEqual(await once.find({}));
  });

  it('a deleted client leaves every count, and its facts are removed', async () => {
    const deleted = at(100, [{ type: 'ClientDeleted', at: '2026-03-02T12:00:00.000Z', data: { chartId: 'c-2', practiceId: P, email: null } }]);
    const reports = await stored([history, deleted]);
    expect(await reports.get(chartReportId('c-2'))).toBeNull();
    expect((await reports.get(periodReportId(P, 'month', '2026-03-01')))?.stock).toMatchObject({ 'status:Pending': -1, 'tag:t-1': -1, 'gender:woman': -1 });
    expect((await reports.get(periodReportId(P, 'month', '2026-01-01')))?.flow.newClients).toBe(1);
  });
});
