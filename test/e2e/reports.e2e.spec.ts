import { createdPractice, practiceRequests, signedInUser, startTestApp, tokenOf, type TestApp } from '../support/test-app';
import { documentsNotMatchingTheirSchemas } from '../support/read-model-schemas';

type Auth = { Authorization: string };

describe('Reports: GET /practices/{id}/reports/{name} as JSON or CSV, reports:read, every read recorded', () => {
  let app: TestApp;
  let owner: { userId: string; auth: Auth; email: string };
  let practiceId: string;
  let token: string;
  const today = new Date().toISOString().slice(0, 10);
  const session = () => ({ app, auth: owner.auth, practiceId });
  const { post, get, url } = practiceRequests(session);

  const joined = async (role: string): Promise<Auth> => {
    const member = await signedInUser(app, role);
    const invited = await post('/invitations', { email: member.email, role });
    const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(member.auth).set('X-Consistency-Token', tokenOf(invited));
    expect(accepted.status).toBe(200);
    return member.auth;
  };

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Olive');
    practiceId = await createdPractice(app, owner.auth);
    const grace = await post('/clients', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    const alan = await post('/clients', { firstName: 'Alan', lastName: 'Turing' });
    const tag = await post('/tags', { name: '=SUM(A1)' });
    await post(`/clients/${grace.body.clientId}/tags`, { tagId: tag.body.tagId });
    await app.http().put(url(`/clients/${grace.body.clientId}/identity`)).set(owner.auth).send({ pronouns: 'she/her', legalSex: 'female', genderIdentity: 'woman' });
    const kept = await post(`/charts/${alan.body.clientId}/appointments`, { start: '2020-01-06T10:00:00Z', durationMinutes: 50, practitionerId: owner.userId });
    await post(`/charts/${alan.body.clientId}/appointments/${kept.body.appointmentId}/complete`);
    const cancelled = await post(`/charts/${alan.body.clientId}/appointments`, { start: '2020-01-13T10:00:00Z', durationMinutes: 50, practitionerId: owner.userId });
    await post(`/charts/${alan.body.clientId}/appointments/${cancelled.body.appointmentId}/cancel`);
    // A note too, so that every read model has documents to check against its schema.
    await post(`/charts/${grace.body.clientId}/notes`, { body: 'Session 1.', sharedWithClient: false });
    const last = await post(`/clients/${alan.body.clientId}/deactivate`);
    token = tokenOf(last);
  });

  afterAll(async () => app.destroy());

  const report = (name: string, query: string, auth: Auth = owner.auth) =>
    app.http().get(`${url(`/reports/${name}`)}?${query}`).set(auth).set('X-Consistency-Token', token);

  it('answers JSON by default: the columns and one row per period, counted by the projector', async () => {
    const answer = await report('client-status', `from=${today}&to=${today}&granularity=day`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ report: 'client-status', practiceId, from: today, to: today, granularity: 'day', timeZone: 'UTC' });
    expect(answer.body.rows).toEqual([{ period: today, active: 1, pending: 0, inactive: 1 }]);
    expect((await report('new-clients', `from=${today}&to=${today}`)).body.rows).toEqual([{ period: `${today.slice(0, 7)}-01`, newClients: 2 }]);
  });

  it('counts appointments in the period they take place, by practitioner, with the attendance rate', async () => {
    const answer = await report('appointments', 'from=2020-01-01&to=2020-01-31&granularity=month');
    expect(answer.body.rows).toEqual([
      { period: '2020-01-01', practitionerId: owner.userId, practitionerName: 'Olive Tester', booked: 0, completed: 1, cancelled: 1, lateCancelled: 0, noShow: 0, attendanceRate: 1 },
    ]);
  });

  it('answers CSV with Accept: text/csv, a header line of the columns, and formula-looking cells neutralised', async () => {
    const answer = await report('tags', `from=${today}&to=${today}&granularity=week`).set('Accept', 'text/csv');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="tags_/);
    const lines = answer.text.split('\r\n');
    expect(lines[0]).toBe('period,tagId,tagName,clients');
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},[0-9a-f-]{36},'=SUM\(A1\),1$/);
  });

  it('shows demographic counts from 1 to 4 as "<5"', async () => {
    const answer = await report('demographics', `from=${today}&to=${today}`);
    expect(answer.body.rows).toEqual(expect.arrayContaining([expect.objectContaining({ dimension: 'genderIdentity', value: 'woman', count: '<5' })]));
    expect(answer.body.rows.some((row: { count: unknown }) => typeof row.count === 'number' && row.count < 5)).toBe(false);
  });

  it('refuses bad parameters with 422 naming the parameter, an unknown report with 404', async () => {
    const noFrom = await report('new-clients', `to=${today}`);
    expect(noFrom.status).toBe(422);
    expect(noFrom.body).toMatchObject({ code: 'InvalidReportParameter', errors: [{ parameter: 'from' }] });
    const backwards = await report('new-clients', 'from=2026-02-01&to=2026-01-01');
    expect(backwards.body.errors).toEqual([expect.objectContaining({ parameter: 'to' })]);
    expect((await report('new-clients', `from=${today}&to=${today}&granularity=year`)).body.errors[0].parameter).toBe('granularity');
    expect((await report('new-clients', 'from=2026-02-30&to=2026-03-01')).body.errors[0].parameter).toBe('from');
    expect((await report('no-such-report', `from=${today}&to=${today}`)).body.code).toBe('ReportNotFound');
  });

  it('reports:read: owners, admins and billers; a clinician is refused; another practice answers 404', async () => {
    const biller = await joined('biller');
    expect((await report('client-status', `from=${today}&to=${today}`, biller)).status).toBe(200);
    const clinician = await joined('clinician');
    const refused = await report('client-status', `from=${today}&to=${today}`, clinician);
    expect(refused.status).toBe(403);
    expect(refused.body.permission).toBe('reports:read');
    const stranger = await signedInUser(app, 'Stranger');
    expect((await report('client-status', `from=${today}&to=${today}`, stranger.auth)).status).toBe(404);
  });

  it('records every read for auditors: who, which report, parameters, format, when; never the data', async () => {
    const reads = await get('/report-reads?limit=500');
    expect(reads.status).toBe(200);
    expect(reads.body.items).toEqual(
      expect.arrayContaining([
        { userId: owner.userId, report: 'tags', format: 'csv', parameters: { from: today, to: today, granularity: 'week' }, at: expect.any(String) },
        { userId: owner.userId, report: 'appointments', format: 'json', parameters: { from: '2020-01-01', to: '2020-01-31', granularity: 'month' }, at: expect.any(String) },
      ]),
    );
    // Refused reads disclosed nothing and are not recorded.
    expect(reads.body.items.some((read: { report: string }) => read.report === 'no-such-report')).toBe(false);
  });

  it('cuts periods in the practice time zone, a practice setting (IANA name; UTC until set)', async () => {
    const bad = await app.http().put(url('/settings')).set(owner.auth).send({ timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/timeZone');
    const set = await app.http().put(url('/settings')).set(owner.auth).send({ timeZone: 'Pacific/Auckland' });
    expect(set.status).toBe(200);
    token = tokenOf(set);
    expect((await report('client-status', `from=${today}&to=${today}`)).body.timeZone).toBe('Pacific/Auckland');
  });

  it('publishes every read model JSON Schema, and every document the projections wrote matches its schema', async () => {
    const list = await app.http().get('/read-models').set(owner.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['clients', 'charts', 'reports']));
    const schema = await app.http().get('/read-models/reports/schema').set(owner.auth);
    expect(schema.body.schema).toMatchObject({ title: 'reports', 'x-indexes': [{ name: 'practice_granularity_period' }] });
    expect((await app.http().get('/read-models/nothing/schema').set(owner.auth)).status).toBe(404);
    const store = app.runtime.readStore;
    for (const collection of ['clients', 'charts', 'needs_attention', 'tags', 'reports', 'notes', 'practice_members', 'user_menus']) {
      expect({ collection, documents: (await store.collection(collection).count({})) > 0 }).toEqual({ collection, documents: true });
    }
    expect(await documentsNotMatchingTheirSchemas(store)).toEqual([]);
  });
});
