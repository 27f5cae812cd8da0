import { createdPractice, practiceRequests, signedInUser, startTestApp, tokenOf, type TestApp } from '../support/test-app';
import { psychotherapy } from '../support/billing-fixtures';
import { memberWithRole } from '../support/practice-session';
import { documentsNotMatchingTheirSchemas } from '../support/read-model-schemas';

type Auth = { Authorization: string };

describe('Revenue reports: revenue, revenue-by-clinician and outstanding (aging) as JSON or CSV, reports:read and billing:read', () => {
  let app: TestApp;
  let owner: { userId: string; auth: Auth };
  let clinician: { userId: string; auth: Auth };
  let practiceId: string;
  let token: string;
  const { post, put, get } = practiceRequests(() => ({ app, auth: owner.auth, practiceId }));
  const report = (name: string, query: string, auth: Auth = owner.auth) =>
    app.http().get(`/practices/${practiceId}/reports/${name}?${query}`).set(auth).set('X-Consistency-Token', token);

  /** A completed session of a practitioner: a charge of 150.00 on the session's day (its id is the appointment's). */
  const session = async (chartId: string, start: string, practitionerId: string): Promise<string> => {
    const appointmentId = (await post(`/charts/${chartId}/appointments`, { start, durationMinutes: 60, practitionerId })).body.appointmentId as string;
    expect((await post(`/charts/${chartId}/appointments/${appointmentId}/complete`)).status).toBe(200);
    return appointmentId;
  };

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Olive');
    practiceId = await createdPractice(app, owner.auth);
    clinician = await memberWithRole(app, practiceId, owner.auth, 'clinician');
    const serviceId = (await post('/services', psychotherapy)).body.serviceId;
    const ada = (await post('/clients', { firstName: 'Ada', lastName: 'Lovelace' })).body.clientId as string;
    await put(`/charts/${ada}/billing-settings`, { payer: 'private-pay', billTo: 'client', defaultServiceId: serviceId });
    const january = await session(ada, '2026-01-05T15:00:00Z', clinician.userId);
    const february = await session(ada, '2026-02-10T15:00:00Z', owner.userId);
    // 200.00 by card on 20 January, 150.00 of it on January's session: 50.00 of credit.
    const paid = await post(`/charts/${ada}/payments`, { amount: 20000, currency: 'USD', method: 'card', date: '2026-01-20', applications: [{ chargeId: january, amount: 15000 }] });
    expect(paid.status).toBe(201);
    // 80.00 refunded on 1 February: the credit first (50.00), then 30.00 taken back from January's session.
    expect((await post(`/charts/${ada}/payments/${paid.body.paymentId}/refunds`, { amount: 8000, date: '2026-02-01' })).status).toBe(201);
    // February's session paid by check on 10 April: after 31 March.
    const last = await post(`/charts/${ada}/payments`, { amount: 15000, currency: 'USD', method: 'check', date: '2026-04-10', reference: 'No 12', applications: [{ chargeId: february, amount: 15000 }] });
    expect(last.status).toBe(201);
    token = tokenOf(last);
  });

  afterAll(async () => app.destroy());

  it('revenue by month: charges by the session\'s day, payments by method and refunds by their dates, net; amounts in minor units per currency', async () => {
    const answer = await report('revenue', 'from=2026-01-01&to=2026-04-30&granularity=month');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ report: 'revenue', practiceId, timeZone: 'UTC', columns: ['period', 'currency', 'charges', 'charged', 'payments', 'paid', 'paidCard', 'paidCash', 'paidCheck', 'paidOther', 'refunds', 'refunded', 'net'] });
    const zero = { charges: 0, charged: 0, payments: 0, paid: 0, paidCard: 0, paidCash: 0, paidCheck: 0, paidOther: 0, refunds: 0, refunded: 0, net: 0 };
    expect(answer.body.rows).toEqual([
      { ...zero, period: '2026-01-01', currency: 'USD', charges: 1, charged: 15000, payments: 1, paid: 20000, paidCard: 20000, net: 20000 },
      { ...zero, period: '2026-02-01', currency: 'USD', charges: 1, charged: 15000, refunds: 1, refunded: 8000, net: -8000 },
      { ...zero, period: '2026-03-01', currency: 'USD' },
      { ...zero, period: '2026-04-01', currency: 'USD', payments: 1, paid: 15000, paidCheck: 15000, net: 15000 },
    ]);
  });

  it('income by clinician: what was paid on each clinician\'s charges, the unapplied credit on its own line', async () => {
    const answer = await report('revenue-by-clinician', 'from=2026-01-01&to=2026-02-28&granularity=month');
    expect(answer.status).toBe(200);
    const line = (period: string, practitionerId: string | null, practitionerName: string, c: object) => ({ period, currency: 'USD', practitionerId, practitionerName, charges: 0, charged: 0, paid: 0, refunded: 0, net: 0, ...c });
    expect(answer.body.rows).toEqual(
      expect.arrayContaining([
        line('2026-01-01', clinician.userId, 'Clinician Tester', { charges: 1, charged: 15000, paid: 15000, net: 15000 }),
        line('2026-01-01', null, '(unapplied credit)', { paid: 5000, net: 5000 }),
        line('2026-02-01', owner.userId, 'Olive Tester', { charges: 1, charged: 15000 }),
        line('2026-02-01', clinician.userId, 'Clinician Tester', { refunded: 3000, net: -3000 }),
        line('2026-02-01', null, '(unapplied credit)', { refunded: 5000, net: -5000 }),
      ]),
    );
    expect(answer.body.rows).toHaveLength(5);
  });

  it('outstanding as of `to` with aging buckets by the charge\'s day: a payment dated after `to` does not reduce it', async () => {
    const march = await report('outstanding', 'from=2026-03-31&to=2026-03-31');
    expect(march.status).toBe(200);
    expect(march.body.rows).toEqual([
      expect.objectContaining({ asOf: '2026-03-31', currency: 'USD', practitionerId: expect.any(String), outstanding: expect.any(Number) }),
      expect.objectContaining({ practitionerId: expect.any(String) }),
      { asOf: '2026-03-31', currency: 'USD', practitionerId: null, practitionerName: '(all clinicians)', days0to30: 0, days31to60: 15000, days61to90: 3000, over90: 0, outstanding: 18000, unappliedCredit: 0, balance: 18000 },
    ]);
    const byClinician = Object.fromEntries(march.body.rows.slice(0, 2).map((r: { practitionerId: string; outstanding: number }) => [r.practitionerId, r.outstanding]));
    expect(byClinician).toEqual({ [clinician.userId]: 3000, [owner.userId]: 15000 });
    // In May the check has come in: 30.00 of January's session is left, over 90 days old (the ledger's balance).
    const may = await report('outstanding', 'from=2026-05-01&to=2026-05-01');
    expect(may.body.rows.at(-1)).toMatchObject({ over90: 3000, outstanding: 3000, unappliedCredit: 0, balance: 3000 });
    const ledgers = await get('/balances/open', token);
    expect(ledgers.body.items.map((l: { balance: number }) => l.balance)).toEqual([3000]);
  });

  it('answers CSV with Accept: text/csv', async () => {
    const answer = await report('outstanding', 'from=2026-01-31&to=2026-01-31').set('Accept', 'text/csv');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="outstanding_2026-01-31_2026-01-31_month\.csv"/);
    expect(answer.text.split('\r\n')).toEqual([
      'asOf,currency,practitionerId,practitionerName,days0to30,days31to60,days61to90,over90,outstanding,unappliedCredit,balance',
      '2026-01-31,USD,,(all clinicians),0,0,0,0,0,5000,-5000',
      '',
    ]);
  });

  it('refuses bad parameters with 422 InvalidReportParameter naming the parameter', async () => {
    const noTo = await report('revenue', 'from=2026-01-01');
    expect(noTo.status).toBe(422);
    expect(noTo.body).toMatchObject({ code: 'InvalidReportParameter', errors: [{ parameter: 'to' }] });
    expect((await report('outstanding', 'from=2026-01-01&to=2026-13-01')).body.errors[0].parameter).toBe('to');
    expect((await report('revenue-by-clinician', 'from=2026-01-01&to=2026-01-31&granularity=quarter')).body.errors[0].parameter).toBe('granularity');
  });

  it('reports:read and billing:read: owners, admins and billers; a clinician or a scheduler is refused; another practice answers 404', async () => {
    const biller = await memberWithRole(app, practiceId, owner.auth, 'biller');
    expect((await report('revenue', 'from=2026-01-01&to=2026-01-31', biller.auth)).status).toBe(200);
    expect((await report('outstanding', 'from=2026-01-01&to=2026-01-31', biller.auth)).status).toBe(200);
    const refused = await report('revenue', 'from=2026-01-01&to=2026-01-31', clinician.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.permission).toBe('reports:read');
    const scheduler = await memberWithRole(app, practiceId, owner.auth, 'scheduler');
    expect((await report('outstanding', 'from=2026-01-01&to=2026-01-31', scheduler.auth)).status).toBe(403);
    const stranger = await signedInUser(app, 'Stranger');
    expect((await report('revenue', 'from=2026-01-01&to=2026-01-31', stranger.auth)).status).toBe(404);
    const theirs = await createdPractice(app, stranger.auth, 'Elsewhere');
    expect((await app.http().get(`/practices/${theirs}/reports/revenue?from=2026-01-01&to=2026-01-31`).set(owner.auth)).status).toBe(404);
  });

  it('records the reads for auditors, and every revenue document matches its published schema', async () => {
    const reads = await get('/report-reads?limit=500');
    expect(reads.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: owner.userId, report: 'outstanding', format: 'csv' }),
        expect.objectContaining({ userId: owner.userId, report: 'revenue', format: 'json' }),
      ]),
    );
    expect(await app.runtime.readStore.collection('revenue').count({})).toBeGreaterThan(0);
    expect(await documentsNotMatchingTheirSchemas(app.runtime.readStore)).toEqual([]);
  });
});
