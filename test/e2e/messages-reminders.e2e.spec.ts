import { TIMERS, type TimerDocument } from '@practice/read-models';
import { createdPractice, newDataDir, signedInUser, startTestApp, type TestApp } from '../support/test-app';
import { eventually, SmtpTestServer } from '../support/smtp-test-server';

const FAST = { MESSAGES_POLL_MS: '50', MESSAGES_RETRY_BASE_MS: '100' };
const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('Appointment reminders on durable timers', () => {
  const smtp = new SmtpTestServer();
  const dataDir = newDataDir();
  let app: TestApp;
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  let practiceId: string;

  beforeAll(async () => {
    await smtp.start(0);
    app = await startTestApp(dataDir, { SMTP_URL: smtp.url, ...FAST });
    owner = await signedInUser(app, 'Olive');
    practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
  });
  afterAll(async () => {
    await app.destroy();
    await smtp.stop();
  });

  const client = async (email: string | null): Promise<string> => {
    const created = await app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).send({ firstName: 'Cleo', lastName: 'Client', ...(email ? { email } : {}) });
    expect(created.status).toBe(201);
    return created.body.clientId;
  };
  const book = async (chartId: string, start: string): Promise<string> => {
    const booked = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments`).set(owner.auth).send({ start, durationMinutes: 50, practitionerId: owner.userId });
    expect(booked.status).toBe(201);
    return booked.body.appointmentId;
  };
  const timerOf = async (testApp: TestApp, appointmentId: string) =>
    (await testApp.runtime.readStore.collection<TimerDocument>(TIMERS).find({ appointmentId }))[0];

  it('reminds the client once when the lead time has come (24 hours by default), with the practice name and the time only', async () => {
    const chartId = await client('cleo.soon@example.com');
    await book(chartId, hoursFromNow(2));
    const [mail] = await eventually(() => (smtp.to('cleo.soon@example.com').length > 0 ? smtp.to('cleo.soon@example.com') : undefined));
    expect(mail.raw).toMatch(/Subject: Appointment reminder from Calm Minds/);
    expect(mail.raw).not.toMatch(/Cleo/);
    await eventually(async () => {
      const page = await app.http().get(`/practices/${practiceId}/messages?status=sent`).set(owner.auth);
      return page.body.items.find((m: { to: string; kind: string }) => m.to === 'cleo.soon@example.com' && m.kind === 'appointment-reminder');
    });
    expect(smtp.to('cleo.soon@example.com')).toHaveLength(1);
  });

  it('sets the timer at the practice lead time; a cancelled appointment drops it and sends nothing', async () => {
    const settings = await app.http().put(`/practices/${practiceId}/settings`).set(owner.auth).send({ appointmentReminderLeadHours: 2 });
    expect(settings.status).toBe(200);
    const chartId = await client('cleo.later@example.com');
    const start = hoursFromNow(5);
    const appointmentId = await book(chartId, start);
    const timer = await eventually(() => timerOf(app, appointmentId));
    expect(timer).toMatchObject({ status: 'set', appointmentStart: new Date(start).toISOString() });
    expect(Date.parse(timer.dueAt)).toBe(Date.parse(start) - 2 * 3_600_000);

    const cancelled = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments/${appointmentId}/cancel`).set(owner.auth);
    expect(cancelled.status).toBe(200);
    await eventually(async () => ((await timerOf(app, appointmentId))?.status === 'cancelled' ? true : undefined));
    expect(smtp.to('cleo.later@example.com')).toHaveLength(0);
  });

  it('moves the reminder with a moved appointment (one timer, at the new time)', async () => {
    const chartId = await client('cleo.moved@example.com');
    const appointmentId = await book(chartId, hoursFromNow(30));
    const first = await eventually(() => timerOf(app, appointmentId));
    const newStart = new Date(Date.parse(first.appointmentStart!) + 24 * 3_600_000).toISOString();
    const moved = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments/${appointmentId}/reschedule`).set(owner.auth).send({ start: newStart });
    expect(moved.status).toBe(200);
    const timer = await eventually(async () => {
      const now = await timerOf(app, appointmentId);
      return now?.appointmentStart === newStart ? now : undefined;
    });
    expect(timer._id).toBe(first._id);
    expect(Date.parse(timer.dueAt) - Date.parse(first.dueAt)).toBe(24 * 3_600_000);
    expect((await app.runtime.readStore.collection<TimerDocument>(TIMERS).find({ appointmentId })).length).toBe(1);
    const cancelled = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments/${appointmentId}/cancel`).set(owner.auth);
    expect(cancelled.status).toBe(200);
    const refused = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments/${appointmentId}/reschedule`).set(owner.auth).send({ start: newStart });
    expect(refused.status).toBe(409);
  });

  it('says why a client without an email gets no reminder', async () => {
    const chartId = await client(null);
    const chart = await app.http().get(`/practices/${practiceId}/charts/${chartId}`).set(owner.auth);
    expect(chart.status).toBe(200);
    expect(chart.body.reminders).toEqual({ recipients: 0, reason: expect.stringMatching(/no email address/) });
    const withEmail = await app.http().get(`/practices/${practiceId}/charts/${await client('cleo.ok@example.com')}`).set(owner.auth);
    expect(withEmail.body.reminders).toEqual({ recipients: 1, reason: null });
  });

  it('keeps every timer over a restart (they are events, not memory)', async () => {
    const chartId = await client('cleo.restart@example.com');
    const appointmentId = await book(chartId, hoursFromNow(48));
    const before = await eventually(() => timerOf(app, appointmentId));
    await app.stop();
    app = await startTestApp(dataDir, { SMTP_URL: smtp.url, ...FAST });
    expect(await timerOf(app, appointmentId)).toEqual(before);
    expect(smtp.to('cleo.restart@example.com')).toHaveLength(0);
  });

  it('lists my current and upcoming appointments in the selected practice for the sidebar, none when the toggle is off', async () => {
    const switched = await app.http().post('/me/practice-switches').set(owner.auth).send({ practiceId });
    expect(switched.status).toBe(201);
    const chartId = await client('cleo.sidebar@example.com');
    const later = await book(chartId, hoursFromNow(72));
    const cancelled = await book(chartId, hoursFromNow(73));
    const cancel = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments/${cancelled}/cancel`).set(owner.auth);
    const token = cancel.headers['x-consistency-token'];
    const list = await app.http().get('/me/appointments/upcoming?limit=100').set(owner.auth).set({ 'X-Consistency-Token': token });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((a: { appointmentId: string }) => a.appointmentId);
    expect(ids).toContain(later);
    expect(ids).not.toContain(cancelled);
    expect(list.body.items.find((a: { appointmentId: string }) => a.appointmentId === later)).toMatchObject({ chartId, clientName: 'Cleo Client', durationMinutes: 50, current: false });
    const starts = list.body.items.map((a: { start: string }) => a.start);
    expect([...starts].sort()).toEqual(starts);

    const off = await app.http().put('/me/notifications').set(owner.auth).send({ sidebarAppointmentNotifications: false });
    expect(off.status).toBe(200);
    const hidden = await app.http().get('/me/appointments/upcoming').set(owner.auth).set({ 'X-Consistency-Token': off.headers['x-consistency-token'] });
    expect(hidden.body).toEqual({ items: [], nextCursor: null });
  });

  it('invites the group members who have session bridging on to the questionnaire after a completed session', async () => {
    const group = await app.http().post(`/practices/${practiceId}/group-charts`).set(owner.auth).send({
      kind: 'couple',
      name: 'The Bridges',
      members: [
        { new: { firstName: 'Bo', lastName: 'Bridge', email: 'bo.bridge@example.com' }, receivesSessionBridging: true, receivesReminders: false, identifiedPatient: true },
        { new: { firstName: 'Di', lastName: 'Bridge', email: 'di.bridge@example.com' }, receivesSessionBridging: false, receivesReminders: false },
      ],
    });
    expect(group.status).toBe(201);
    const chartId = group.body.chartId;
    const appointmentId = await book(chartId, hoursFromNow(-1));
    const completed = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments/${appointmentId}/complete`).set(owner.auth);
    expect(completed.status).toBe(200);
    const [mail] = await eventually(() => (smtp.to('bo.bridge@example.com').length > 0 ? smtp.to('bo.bridge@example.com') : undefined));
    expect(mail.raw).toMatch(/Subject: A few questions from Calm Minds/);
    await eventually(async () => {
      const page = await app.http().get(`/practices/${practiceId}/messages?status=sent&limit=100`).set(owner.auth);
      return page.body.items.find((m: { to: string; kind: string }) => m.to === 'bo.bridge@example.com' && m.kind === 'session-bridging');
    });
    expect(smtp.to('bo.bridge@example.com')).toHaveLength(1);
    expect(smtp.to('di.bridge@example.com')).toHaveLength(0);
  });
});
