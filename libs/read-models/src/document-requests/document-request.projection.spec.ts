import { InMemoryReadStore } from '@practice/read-store';
import type { DocumentRequestEvent } from '@practice/events';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { DOCUMENT_REQUESTS, documentRequestProjection, type DocumentRequestDocument } from './document-request.projection';

const requested = (requestId: string, chartId: string, title = 'Intake form'): DocumentRequestEvent => ({
  type: 'DocumentRequested',
  data: { requestId, practiceId: 'p-1', chartId, title, message: null },
});

describe('document requests projection', () => {
  const collection = () => new InMemoryReadStore().collection<DocumentRequestDocument>(DOCUMENT_REQUESTS);

  it('keeps each request with its status, who completed it and its revision', async () => {
    const requests = collection();
    const batch = recorded([requested('d-1', 'c-1'), { type: 'DocumentRequestCompleted', data: { requestId: 'd-1', chartId: 'c-1', completedBy: { kind: 'staff', userId: 'u-2' } } }], {
      actorUserId: 'u-1',
    }).map((event, index) => ({ ...event, revision: index }));
    await applyBatch(documentRequestProjection, requests, batch);
    expect(await requests.get('d-1')).toMatchObject({ chartId: 'c-1', status: 'completed', requestedBy: 'u-1', completedBy: { kind: 'staff', userId: 'u-2' }, revision: 1 });
  });

  it("files a group chart's request under the group chart only, and a member's under the member's chart only", async () => {
    const requests = collection();
    await applyBatch(documentRequestProjection, requests, recorded([requested('d-group', 'c-group', 'Couple intake'), requested('d-member', 'c-member', 'Release of information')]));
    expect((await requests.find({ chartId: 'c-group' })).map((doc) => doc._id)).toEqual(['d-group']);
    expect((await requests.find({ chartId: 'c-member' })).map((doc) => doc._id)).toEqual(['d-member']);
  });

  it('applies the same event twice as once', async () => {
    const requests = collection();
    const batch = recorded([requested('d-1', 'c-1'), { type: 'DocumentRequestCancelled', data: { requestId: 'd-1', chartId: 'c-1' } }]);
    await applyBatch(documentRequestProjection, requests, batch);
    const once = await requests.get('d-1');
    await applyBatch(documentRequestProjection, requests, batch);
    await applyBatch(documentRequestProjection, requests, [batch[0]]);
    expect(await requests.get('d-1')).toEqual(once);
    expect(once).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
  });
});
