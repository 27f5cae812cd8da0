import { chartStream } from '@practice/events';
import { signedInUser, createdPractice, practiceRequests, type TestApp } from '../support/test-app';
import { practiceSession, staffOf } from '../support/practice-session';
import { psychotherapy } from '../support/billing-fixtures';

/** Payments applied to a chart's charges, and refunds of them. */
describe('Billing: payments and refunds (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  let practiceId: string;
  let serviceId: string;

  beforeAll(async () => {
    ({ app, auth, userId, practiceId } = await practiceSession());
    serviceId = (await post('/services', psychotherapy)).body.serviceId;
  });

  afterAll(async () => app.destroy());

  const { url, post, put } = practiceRequests(() => ({ app, auth, practiceId }));
  const head = () => app.runtime.eventStore.headPosition();
  /** A client with one completed session charged 150.00; answers the chart and the charge id. */
  const chargedClient = async () => {
    const c = (await post('/clients', { firstName: 'Ada', lastName: 'Lovelace' })).body.clientId as string;
    await put(`/charts/${c}/billing-settings`, { payer: 'private-pay', billTo: 'client', defaultServiceId: serviceId });
    const a = (await post(`/charts/${c}/appointments`, { start: new Date(Date.now() - 86_400_000).toISOString(), durationMinutes: 60, practitionerId: userId })).body.appointmentId as string;
    expect((await post(`/charts/${c}/appointments/${a}/complete`)).status).toBe(200);
    return { c, chargeId: a };
  };
  const payment = (chargeId: string, overrides: object = {}) => ({ amount: 20000, currency: 'USD', method: 'card', date: '2026-01-05', reference: 'Visa 4242', applications: [{ chargeId, amount: 15000 }], ...overrides });

  it('records a payment applied to a charge (the rest a credit), and refunds from the credit first', async () => {
    const { c, chargeId } = await chargedClient();
    const paid = await post(`/charts/${c}/payments`, payment(chargeId), { 'Idempotency-Key': 'pay-1' });
    expect(paid.status).toBe(201);
    const retried = await post(`/charts/${c}/payments`, payment(chargeId), { 'Idempotency-Key': 'pay-1' });
    expect(retried.body.paymentId).toBe(paid.body.paymentId);
    const refunded = await post(`/charts/${c}/payments/${paid.body.paymentId}/refunds`, { amount: 8000, date: '2026-01-06' });
    expect(refunded.status).toBe(201);
    const events = (await app.runtime.eventStore.readStream(chartStream(c))).filter((e) => e.type.startsWith('Payment'));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['PaymentRecorded', { chartId: c, paymentId: paid.body.paymentId, amount: 20000, currency: 'USD', method: 'card', date: '2026-01-05', reference: 'Visa 4242', applications: [{ chargeId, amount: 15000 }] }],
      ['PaymentRefunded', { chartId: c, paymentId: paid.body.paymentId, refundId: refunded.body.refundId, amount: 8000, date: '2026-01-06', applications: [{ chargeId, amount: 3000 }] }],
    ]);
  });

  it('refuses bad input naming the field, and appends nothing', async () => {
    const { c, chargeId } = await chargedClient();
    const paymentId = (await post(`/charts/${c}/payments`, payment(chargeId, { applications: [] }))).body.paymentId;
    const before = await head();
    const cases: [string, object, number, string, string][] = [
      [`/charts/${c}/payments`, payment(chargeId, { amount: 0 }), 400, 'ValidationFailed', 'amount'],
      [`/charts/${c}/payments`, payment(chargeId, { amount: 12.5 }), 400, 'ValidationFailed', 'amount'],
      [`/charts/${c}/payments`, payment(chargeId, { method: 'bitcoin' }), 400, 'ValidationFailed', 'method'],
      [`/charts/${c}/payments`, payment(chargeId, { date: '05/01/2026' }), 400, 'ValidationFailed', 'date'],
      [`/charts/${c}/payments`, payment(chargeId, { currency: 'EUR' }), 422, 'CurrencyMismatch', 'currency'],
      [`/charts/${c}/payments`, payment(chargeId, { applications: [{ chargeId, amount: 15001 }] }), 422, 'AmountExceedsOutstanding', 'applications.0.amount'],
      [`/charts/${c}/payments`, payment(chargeId, { applications: [{ chargeId: '00000000-0000-4000-8000-000000000000', amount: 1 }] }), 422, 'UnknownCharge', 'applications.0.chargeId'],
      [`/charts/${c}/payments`, payment(chargeId, { applications: [{ chargeId, amount: 0 }] }), 400, 'ValidationFailed', 'applications.0.amount'],
      [`/charts/${c}/payments/${paymentId}/refunds`, { amount: 20001, date: '2026-01-06' }, 422, 'RefundExceedsPayment', 'amount'],
      [`/charts/${c}/payments/${paymentId}/refunds`, { amount: 1, date: '2026-02-30' }, 422, 'InvalidDate', 'date'],
    ];
    for (const [path, body, status, code, field] of cases) {
      const refused = await post(path, body);
      expect([field, refused.status, refused.body.code]).toEqual([field, status, code]);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await post(`/charts/${c}/payments/00000000-0000-4000-8000-000000000000/refunds`, { amount: 1, date: '2026-01-06' })).body.code).toBe('PaymentNotFound');
    expect(await head()).toBe(before);
  });

  it("answers 404 for another practice's charts and payments, and appends nothing", async () => {
    const other = await signedInUser(app, 'Olive');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const theirs = (await app.http().post(`/practices/${otherPractice}/clients`).set(other.auth).send({ firstName: 'Their', lastName: 'Client' })).body.clientId;
    const theirPayment = (await app.http().post(`/practices/${otherPractice}/charts/${theirs}/payments`).set(other.auth).send(payment('x', { applications: [] }))).body.paymentId;
    const { c } = await chargedClient();
    const before = await head();
    expect((await post(`/charts/${theirs}/payments`, payment('x', { applications: [] }))).status).toBe(404);
    expect((await post(`/charts/${theirs}/payments/${theirPayment}/refunds`, { amount: 1, date: '2026-01-06' })).status).toBe(404);
    expect((await post(`/charts/${c}/payments/${theirPayment}/refunds`, { amount: 1, date: '2026-01-06' })).body.code).toBe('PaymentNotFound');
    expect(await head()).toBe(before);
  });

  it('lets owners, admins and billers record and refund payments', async () => {
    const staff = await staffOf(app, practiceId, auth);
    const { c } = await chargedClient();
    const paymentId = (await post(`/charts/${c}/payments`, payment('x', { applications: [] }))).body.paymentId;
    for (const [role, roleAuth] of Object.entries(staff)) {
      const allowed = ['admin', 'biller'].includes(role);
      const paid = await app.http().post(url(`/charts/${c}/payments`)).set(roleAuth).send(payment('x', { applications: [], amount: 100 }));
      expect([role, paid.status]).toEqual([role, allowed ? 201 : 403]);
      if (!allowed) expect(paid.body.permission).toBe('payments:write');
      const refunded = await app.http().post(url(`/charts/${c}/payments/${paymentId}/refunds`)).set(roleAuth).send({ amount: 100, date: '2026-01-06' });
      expect([role, refunded.status]).toEqual([role, allowed ? 201 : 403]);
    }
  });
});
