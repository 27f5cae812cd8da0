import { signedInUser, createdPractice, practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { memberWithRole, practiceSession, type StaffRole } from '../support/practice-session';

type Auth = { Authorization: string };

/** Document requests: they stay on the chart they were requested from. */
describe('Document requests (embedded default)', () => {
  let app: TestApp;
  let auth: Auth;
  let userId: string;
  let practiceId: string;
  let clientId: string;
  let groupId: string;

  beforeAll(async () => {
    ({ app, auth, userId, practiceId } = await practiceSession({ owner: 'Olive' }));
    clientId = (await post('/clients', { firstName: 'Grace', lastName: 'Hopper' })).body.clientId;
    groupId = (await post('/group-charts', { kind: 'couple', name: 'The Hoppers', members: [{ clientId }, { new: { firstName: 'Jim', lastName: 'Hopper' } }] })).body.chartId;
  });

  afterAll(async () => app.destroy());

  const { url, post, get } = practiceRequests(() => ({ app, auth, practiceId }));
  const head = () => app.runtime.eventStore.headPosition();
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const idsOf = (body: { items: { requestId: string }[] }) => body.items.map((i) => i.requestId);

  it('requests a document, lists it, completes it (recording who) and counts the open ones on the chart', async () => {
    const created = await post(`/charts/${clientId}/document-requests`, { title: 'Release of information', message: 'Please sign by Friday' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ requestId: expect.any(String), chartId: clientId, revision: 0, position: expect.any(Number) });
    const { requestId } = created.body;
    const other = await post(`/charts/${clientId}/document-requests`, { title: 'Intake form' });

    const list = await get(`/charts/${clientId}/document-requests`, tokenOf(other));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ requestId, chartId: clientId, requestedBy: userId, title: 'Release of information', message: 'Please sign by Friday', status: 'requested', completedBy: null }),
      expect.objectContaining({ requestId: other.body.requestId, title: 'Intake form', message: null, status: 'requested' }),
    ]);
    const chart = await get(`/charts/${clientId}`, tokenOf(other));
    expect(chart.body.documentRequests).toEqual({ open: 2 });

    const completed = await post(`/charts/${clientId}/document-requests/${requestId}/complete`);
    expect(completed.status).toBe(200);
    expect(completed.body.revision).toBe(1);
    const again = await post(`/charts/${clientId}/document-requests/${requestId}/complete`);
    expect(again.status).toBe(200);
    const refused = await post(`/charts/${clientId}/document-requests/${requestId}/cancel`);
    expect([refused.status, refused.body.code]).toEqual([409, 'DocumentRequestClosed']);
    const cancelled = await post(`/charts/${clientId}/document-requests/${other.body.requestId}/cancel`);
    expect(cancelled.status).toBe(200);

    const done = await get(`/charts/${clientId}/document-requests?status=completed`, tokenOf(cancelled));
    expect(done.body.items).toEqual([expect.objectContaining({ requestId, status: 'completed', completedBy: { kind: 'staff', userId }, completedAt: expect.any(String) })]);
    expect((await get(`/charts/${clientId}`, tokenOf(cancelled))).body.documentRequests).toEqual({ open: 0 });
    const events = await app.runtime.eventStore.readStream(`docrequest-${requestId}`);
    expect(events.map((e) => e.type)).toEqual(['DocumentRequested', 'DocumentRequestCompleted']);
  });

  it("keeps a group chart's request off the member's individual chart, and the reverse", async () => {
    const forGroup = await post(`/charts/${groupId}/document-requests`, { title: 'Couple intake' });
    const forMember = await post(`/charts/${clientId}/document-requests`, { title: 'Individual consent' });
    expect([forGroup.status, forMember.status]).toEqual([201, 201]);
    const token = tokenOf(forMember);

    const group = await get(`/charts/${groupId}/document-requests`, token);
    expect(idsOf(group.body)).toEqual([forGroup.body.requestId]);
    const member = await get(`/charts/${clientId}/document-requests?status=requested`, token);
    expect(idsOf(member.body)).toEqual([forMember.body.requestId]);
    expect((await get(`/charts/${groupId}`, token)).body.documentRequests).toEqual({ open: 1 });
    expect((await get(`/charts/${clientId}`, token)).body.documentRequests).toEqual({ open: 1 });

    // Nor can one chart's request be completed through the other chart.
    const before = await head();
    const throughMember = await post(`/charts/${clientId}/document-requests/${forGroup.body.requestId}/complete`);
    expect([throughMember.status, throughMember.body.code]).toEqual([404, 'DocumentRequestNotFound']);
    const throughGroup = await post(`/charts/${groupId}/document-requests/${forMember.body.requestId}/cancel`);
    expect([throughGroup.status, throughGroup.body.code]).toEqual([404, 'DocumentRequestNotFound']);
    expect(await head()).toBe(before);
  });

  it('answers bad input with a problem naming the field, and appends nothing', async () => {
    const before = await head();
    const cases: [() => Promise<{ status: number; body: { errors?: { field: string }[] } }>, number, string][] = [
      [() => post(`/charts/${clientId}/document-requests`, {}), 400, 'title'],
      [() => post(`/charts/${clientId}/document-requests`, { title: '  ' }), 422, 'title'],
      [() => post(`/charts/${clientId}/document-requests`, { title: 42 }), 400, 'title'],
      [() => post(`/charts/${clientId}/document-requests`, { title: 'Form', message: 'x'.repeat(4001) }), 400, 'message'],
      [() => post(`/charts/${clientId}/document-requests`, { title: 'Form', status: 'completed' }), 400, 'status'],
      [() => post(`/charts/${clientId}/document-requests/nope/complete`), 400, 'requestId'],
      [() => get(`/charts/${clientId}/document-requests?status=open`), 400, 'status'],
    ];
    for (const [send, status, field] of cases) {
      const answer = await send();
      expect([answer.status, fieldsOf(answer.body)]).toEqual([status, expect.arrayContaining([field])]);
    }
    const unknown = await post(`/charts/${clientId}/document-requests/${crypto.randomUUID()}/complete`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DocumentRequestNotFound']);
    expect(await head()).toBe(before);
  });

  it("another practice's charts and requests are not found (404), and nothing is appended", async () => {
    const { requestId } = (await post(`/charts/${clientId}/document-requests`, { title: 'Intake form' })).body;
    const other = await signedInUser(app, 'Mallory');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const otherClient = (await app.http().post(`/practices/${otherPractice}/clients`).set(other.auth).send({ firstName: 'Eve', lastName: 'Other' })).body.clientId;
    const there = (path: string) => `/practices/${otherPractice}${path}`;
    const before = await head();
    const attempts = [
      app.http().post(there(`/charts/${clientId}/document-requests`)).set(other.auth).send({ title: 'Mine now' }),
      app.http().get(there(`/charts/${clientId}/document-requests`)).set(other.auth),
      app.http().post(there(`/charts/${clientId}/document-requests/${requestId}/complete`)).set(other.auth),
      app.http().post(there(`/charts/${otherClient}/document-requests/${requestId}/cancel`)).set(other.auth),
      app.http().get(`/practices/${practiceId}/charts/${clientId}/document-requests`).set(other.auth),
    ];
    for (const attempt of attempts) {
      const answer = await attempt;
      expect(answer.status).toBe(404);
      expect(['ChartNotFound', 'DocumentRequestNotFound', 'PracticeNotFound']).toContain(answer.body.code);
    }
    expect(await head()).toBe(before);
  });

  it('lets clinicians request and complete, billers only read, schedulers neither', async () => {
    const { requestId } = (await post(`/charts/${clientId}/document-requests`, { title: 'Insurance card' })).body;
    const member = async (role: StaffRole) => (await memberWithRole(app, practiceId, auth, role, role)).auth;
    const as = (who: Auth) => ({
      request: () => app.http().post(url(`/charts/${clientId}/document-requests`)).set(who).send({ title: 'Consent' }),
      complete: () => app.http().post(url(`/charts/${clientId}/document-requests/${requestId}/complete`)).set(who),
      list: () => app.http().get(url(`/charts/${clientId}/document-requests`)).set(who),
    });
    const clinician = as(await member('clinician'));
    const biller = as(await member('biller'));
    const scheduler = as(await member('scheduler'));
    expect((await clinician.request()).status).toBe(201);
    expect((await clinician.list()).status).toBe(200);

    const before = await head();
    expect((await biller.list()).status).toBe(200);
    for (const send of [biller.request, biller.complete, scheduler.request, scheduler.complete, scheduler.list]) {
      const answer = await send();
      expect([answer.status, answer.body.code]).toEqual([403, 'Forbidden']);
    }
    expect(await head()).toBe(before);
    expect((await clinician.complete()).status).toBe(200);
  });
});
