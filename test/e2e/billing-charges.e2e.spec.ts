import { chartStream } from '@practice/events';
import { signedInUser, createdPractice, practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { practiceSession, staffOf } from '../support/practice-session';
import { psychotherapy } from '../support/billing-fixtures';

/** Appointments carry a service and a fee; completing charges it; late cancellations and no-shows are charged the practice's fees. */
describe('Billing: appointment fees and charges (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  let practiceId: string;
  let serviceId: string;

  beforeAll(async () => {
    ({ app, auth, userId, practiceId } = await practiceSession());
    serviceId = (await post('/services', psychotherapy)).body.serviceId;
    const fees = await app.http().put(`/practices/${practiceId}/settings`).set(auth).send({ lateCancelFee: { amount: 5000, currency: 'USD' }, noShowFee: { amount: 7500, currency: 'USD' } });
    expect(fees.status).toBe(200);
  });

  afterAll(async () => app.destroy());

  const { url, post, put, get } = practiceRequests(() => ({ app, auth, practiceId }));
  const head = () => app.runtime.eventStore.headPosition();
  const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const clientWithDefaultService = async () => {
    const c = (await post('/clients', { firstName: 'Ada', lastName: 'Lovelace' })).body.clientId as string;
    expect((await put(`/charts/${c}/billing-settings`, { payer: 'private-pay', billTo: 'client', defaultServiceId: serviceId })).status).toBe(200);
    return c;
  };
  const bookIn = async (c: string, body: object = {}) => {
    const booked = await post(`/charts/${c}/appointments`, { start: past(1), durationMinutes: 60, practitionerId: userId, ...body });
    expect(booked.status).toBe(201);
    return booked.body.appointmentId as string;
  };
  const eventsOf = async (c: string) => (await app.runtime.eventStore.readStream(chartStream(c))).map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, causationId: e.metadata.causationId }));

  it("books with the client's default service at its rate; completing the session charges it with the same command", async () => {
    const c = await clientWithDefaultService();
    const a = await bookIn(c);
    const other = await bookIn(c, { serviceId, fee: 12000 });
    const completed = await post(`/charts/${c}/appointments/${a}/complete`);
    expect(completed.status).toBe(200);
    const events = await eventsOf(c);
    expect(events.find((e) => e.type === 'AppointmentBooked' && e.data.appointmentId === a)?.data).toMatchObject({ service: { serviceId, code: '90837', name: psychotherapy.name }, fee: { amount: 15000, currency: 'USD' } });
    expect(events.find((e) => e.type === 'AppointmentBooked' && e.data.appointmentId === other)?.data).toMatchObject({ fee: { amount: 12000, currency: 'USD' } });
    const [done, charge] = events.slice(-2);
    expect(done.type).toBe('AppointmentCompleted');
    expect(charge).toMatchObject({ type: 'ChargeRecorded', data: { chargeId: a, appointmentId: a, kind: 'session', serviceCode: '90837', amount: 15000, currency: 'USD', practitionerId: userId }, causationId: done.causationId });
  });

  it("keeps cancelled, late-cancelled and no-show apart, charges the practice's fees, and counts each in the chart's stats", async () => {
    const c = await clientWithDefaultService();
    const [cancelled, late, noShow, done] = [await bookIn(c), await bookIn(c), await bookIn(c), await bookIn(c)];
    expect((await post(`/charts/${c}/appointments/${cancelled}/cancel`)).status).toBe(200);
    expect((await post(`/charts/${c}/appointments/${late}/late-cancel`)).status).toBe(200);
    expect((await post(`/charts/${c}/appointments/${noShow}/no-show`)).status).toBe(200);
    const last = await post(`/charts/${c}/appointments/${done}/complete`);
    const charges = (await eventsOf(c)).filter((e) => e.type === 'ChargeRecorded').map((e) => [e.data.appointmentId, e.data.kind, e.data.amount]);
    expect(charges).toEqual([[late, 'late-cancel', 5000], [noShow, 'no-show', 7500], [done, 'session', 15000]]);

    const chart = await get(`/charts/${c}`, tokenOf(last));
    expect(chart.body.stats).toMatchObject({ total: 3, completed: 1, cancelled: 1, lateCancelled: 1, noShow: 1 });
    expect(chart.body.appointments.find((x: { appointmentId: string }) => x.appointmentId === noShow).status).toBe('no-show');

    const before = await head();
    const again = await post(`/charts/${c}/appointments/${noShow}/late-cancel`);
    expect([again.status, again.body.code]).toEqual([409, 'AppointmentClosed']);
    expect(await head()).toBe(before);
  });

  it('refuses bad input naming the field, and appends nothing', async () => {
    const c = await clientWithDefaultService();
    const plain = (await post('/clients', { firstName: 'No', lastName: 'Default' })).body.clientId;
    const before = await head();
    const cases: [string, object, number, string, string][] = [
      [`/charts/${c}/appointments`, { start: past(1), durationMinutes: 60, practitionerId: userId, fee: -1 }, 400, 'ValidationFailed', 'fee'],
      [`/charts/${c}/appointments`, { start: past(1), durationMinutes: 60, practitionerId: userId, fee: 10.5 }, 400, 'ValidationFailed', 'fee'],
      [`/charts/${c}/appointments`, { start: past(1), durationMinutes: 60, practitionerId: userId, serviceId: 'x' }, 400, 'ValidationFailed', 'serviceId'],
      [`/charts/${c}/appointments`, { start: past(1), durationMinutes: 60, practitionerId: userId, serviceId: '00000000-0000-4000-8000-000000000000' }, 422, 'UnknownService', 'serviceId'],
      [`/charts/${plain}/appointments`, { start: past(1), durationMinutes: 60, practitionerId: userId, fee: 100 }, 422, 'UnknownService', 'serviceId'],
    ];
    for (const [path, body, status, code, field] of cases) {
      const refused = await post(path, body);
      expect([refused.status, refused.body.code]).toEqual([status, code]);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const badFee = await app.http().put(`/practices/${practiceId}/settings`).set(auth).send({ noShowFee: { amount: 100, currency: 'XYZ' } });
    expect([badFee.status, badFee.body.code, badFee.body.errors[0].field]).toEqual([422, 'InvalidCurrency', 'noShowFee.currency']);
    const badAmount = await app.http().put(`/practices/${practiceId}/settings`).set(auth).send({ lateCancelFee: { amount: '5', currency: 'USD' } });
    expect([badAmount.status, badAmount.body.errors[0].field]).toEqual([400, 'lateCancelFee.amount']);
    expect((await post(`/charts/${c}/appointments/00000000-0000-4000-8000-000000000000/no-show`)).body.code).toBe('AppointmentNotFound');
    expect(await head()).toBe(before);
  });

  it("answers 404 for another practice's appointments, and appends nothing", async () => {
    const other = await signedInUser(app, 'Olive');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const theirs = (await app.http().post(`/practices/${otherPractice}/clients`).set(other.auth).send({ firstName: 'Their', lastName: 'Client' })).body.clientId;
    const theirAppointment = (await app.http().post(`/practices/${otherPractice}/charts/${theirs}/appointments`).set(other.auth).send({ start: past(1), durationMinutes: 60, practitionerId: other.userId })).body.appointmentId;
    const before = await head();
    for (const outcome of ['late-cancel', 'no-show']) {
      expect((await post(`/charts/${theirs}/appointments/${theirAppointment}/${outcome}`)).status).toBe(404);
    }
    expect((await post(`/charts/${theirs}/appointments`, { start: past(1), durationMinutes: 60, practitionerId: userId, serviceId })).status).toBe(404);
    expect(await head()).toBe(before);
  });

  it('lets the roles with appointments:write mark late cancellations and no-shows', async () => {
    const staff = await staffOf(app, practiceId, auth);
    const c = await clientWithDefaultService();
    for (const [role, roleAuth] of Object.entries(staff)) {
      const a = await bookIn(c);
      const marked = await app.http().post(url(`/charts/${c}/appointments/${a}/no-show`)).set(roleAuth);
      expect([role, marked.status]).toEqual([role, role === 'biller' ? 403 : 200]);
    }
  });
});
