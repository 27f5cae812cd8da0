import { instantOfLocal, addDays, nextLocalTime } from '@practice/domain';
import { OUTBOX, TIMERS, type OutboxDocument, type TimerDocument } from '@practice/read-models';
import { Messaging } from '../../apps/command-api/src/messages/messaging';
import { publishProductUpdate } from '../../apps/command-api/src/messages/publish-product-update';
import { createdPractice, newDataDir, signedInUser, startTestApp, type TestApp } from '../support/test-app';
import { eventually, SmtpTestServer } from '../support/smtp-test-server';

/**
 * The daily digest and product updates over a real SMTP server. Time is the outbox's clock (the `now`
 * its workflows and dispatcher are given): the spec moves it to the next morning instead of waiting.
 * The app runs without its own outbox (MESSAGES_ENABLED=false); the spec runs one on the app's stores.
 */
const ZONE = 'America/New_York';
// The dispatcher's own loop waits an hour between rounds: the spec runs each round (runOnce).
const FAST = { MESSAGES_POLL_MS: '3600000', MESSAGES_RETRY_BASE_MS: '100', MESSAGES_ENABLED: 'false' };
const decoded = (raw: string): string => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

describe('Daily digest and product updates (user categories)', () => {
  jest.setTimeout(120_000);
  const smtp = new SmtpTestServer();
  const dataDir = newDataDir();
  let app: TestApp;
  let outbox: Messaging;
  let clock = new Date();
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  let practiceId: string;

  const startOutbox = async (): Promise<void> => {
    outbox = new Messaging(app.runtime.eventStore, app.runtime.readStore, app.runtime.projector!, app.runtime.config, () => undefined, () => clock);
    await outbox.start();
  };
  const digestTimer = async (): Promise<TimerDocument | undefined> => {
    const timers = await app.runtime.readStore.collection<TimerDocument>(TIMERS).find({ userId: owner.userId });
    expect(timers.length).toBeLessThanOrEqual(1);
    return timers[0];
  };
  /** Moves the clock just past the digest timer and runs the dispatcher until the timer is set for the next day. */
  const nextMorning = async (): Promise<TimerDocument> => {
    const due = (await digestTimer())!;
    clock = new Date(Date.parse(due.dueAt) + 1000);
    return eventually(async () => {
      await outbox.runOnce();
      const timer = await digestTimer();
      return timer && timer.status === 'set' && timer.localDate === addDays(due.localDate!, 1) ? timer : undefined;
    });
  };
  const sendAll = async (): Promise<void> => {
    for (let i = 0; i < 5; i += 1) await outbox.runOnce();
  };

  beforeAll(async () => {
    await smtp.start(0);
    app = await startTestApp(dataDir, { SMTP_URL: smtp.url, ...FAST });
    await startOutbox();
    owner = await signedInUser(app, 'Olive');
    practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
  });
  afterAll(async () => {
    await outbox.stop();
    await app.destroy();
    await smtp.stop();
  });

  it("sets one digest timer per user at 07:00 in the user's time zone (the practice's until the user sets one)", async () => {
    const practiceZone = await app.http().put(`/practices/${practiceId}/settings`).set(owner.auth).send({ timeZone: 'Europe/Paris' });
    expect(practiceZone.status).toBe(200);
    const me = await app.http().get('/me').set(owner.auth).set({ 'X-Consistency-Token': practiceZone.headers['x-consistency-token'] });
    expect(me.body).toMatchObject({ timeZone: null, digestTimeZone: 'Europe/Paris' });

    const set = await app.http().put('/me/time-zone').set(owner.auth).send({ timeZone: ZONE });
    expect(set.status).toBe(200);
    const expected = nextLocalTime(clock.toISOString(), 7, ZONE);
    const timer = await eventually(async () => {
      const now = await digestTimer();
      return now?.timeZone === ZONE ? now : undefined;
    });
    expect(timer).toMatchObject({ purpose: 'daily-digest', status: 'set', dueAt: expected.at, localDate: expected.localDate, timeZone: ZONE });
    const after = await app.http().get('/me').set(owner.auth).set({ 'X-Consistency-Token': set.headers['x-consistency-token'] });
    expect(after.body).toMatchObject({ timeZone: ZONE, digestTimeZone: ZONE });

    const wrong = await app.http().put('/me/time-zone').set(owner.auth).send({ timeZone: 'Mars/Olympus_Mons' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('timeZone');
  });

  it('emails the digest at the morning: counts only (no client name), payments for a role that reads them; one a day; the timer moves to the next 07:00', async () => {
    const timer = (await digestTimer())!;
    const client = await app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).send({ firstName: 'Zelda', lastName: 'Secretname' });
    expect(client.status).toBe(201);
    const chartId = client.body.clientId;
    const start = instantOfLocal(timer.localDate!, 10, 0, ZONE);
    const booked = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments`).set(owner.auth).send({ start, durationMinutes: 50, practitionerId: owner.userId });
    expect(booked.status).toBe(201);
    const payment = { amount: 15000, currency: 'USD', method: 'card', date: addDays(timer.localDate!, -1), applications: [] };
    const paid = await app.http().post(`/practices/${practiceId}/charts/${chartId}/payments`).set(owner.auth).send(payment);
    expect(paid.status).toBe(201);

    const next = await nextMorning();
    expect(next).toMatchObject({ dueAt: instantOfLocal(addDays(timer.localDate!, 1), 7, 0, ZONE), timeZone: ZONE });
    const [mail] = await eventually(async () => {
      await outbox.runOnce();
      return smtp.to(owner.email).length > 0 ? smtp.to(owner.email) : undefined;
    });
    const text = decoded(mail.raw);
    expect(text).toContain(`Subject: Your daily digest for ${timer.localDate}`);
    expect(text).toContain('Calm Minds');
    expect(text).toContain('Your appointments today: 1');
    expect(text).toContain('Payments received yesterday: 1 payment, $150.00 in all');
    expect(text).not.toMatch(/Zelda|Secretname/);

    // The same day again (a replay, the dispatcher running on): still one digest.
    clock = new Date(Date.parse(timer.dueAt) + 3_600_000);
    await sendAll();
    expect(smtp.to(owner.email)).toHaveLength(1);
  });

  it('keeps the digest timer over a restart (it is a stream, not memory)', async () => {
    const before = await digestTimer();
    await outbox.stop();
    await app.stop();
    app = await startTestApp(dataDir, { SMTP_URL: smtp.url, ...FAST });
    await startOutbox();
    expect(await digestTimer()).toEqual(before);
    await sendAll();
    expect(smtp.to(owner.email)).toHaveLength(1);
  });

  it('switched off: the next morning sends no digest; switched on again: the morning after does', async () => {
    const off = await app.http().put('/me/notifications').set(owner.auth).send({ dailyDigestAndPayments: false });
    expect(off.status).toBe(200);
    await app.runtime.projector!.waitFor(Number(off.headers['x-consistency-token']), 5000);
    const skipped = await digestTimer();
    await nextMorning();
    await sendAll();
    expect(smtp.to(owner.email)).toHaveLength(1);

    const on = await app.http().put('/me/notifications').set(owner.auth).send({ dailyDigestAndPayments: true });
    expect(on.status).toBe(200);
    await app.runtime.projector!.waitFor(Number(on.headers['x-consistency-token']), 5000);
    // Something to say that morning: an appointment of hers that day.
    const day = addDays(skipped!.localDate!, 1);
    const chartId = (await app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).send({ firstName: 'Cleo', lastName: 'Client' })).body.clientId;
    const booked = await app.http().post(`/practices/${practiceId}/charts/${chartId}/appointments`).set(owner.auth).send({ start: instantOfLocal(day, 11, 0, ZONE), durationMinutes: 50, practitionerId: owner.userId });
    expect(booked.status).toBe(201);
    await nextMorning();
    const mails = await eventually(async () => {
      await outbox.runOnce();
      return smtp.to(owner.email).length === 2 ? smtp.to(owner.email) : undefined;
    });
    expect(decoded(mails[1].raw)).toContain(`Subject: Your daily digest for ${day}`);
  });

  it('sends a product update once to each user with "Product Updates & Tips" on, and none to a user who switched it off', async () => {
    const quiet = await signedInUser(app, 'Quinn');
    const off = await app.http().put('/me/notifications').set(quiet.auth).send({ productUpdatesAndTips: false });
    expect(off.status).toBe(200);
    await app.runtime.projector!.waitFor(Number(off.headers['x-consistency-token']), 5000);
    const update = { updateId: '5f0e8a52-8d1e-4c1a-9b0e-2f7c3d4e5a6b', subject: 'New: practice reports', body: 'Reports are here.\n\nOpen Reports in the menu.' };
    await publishProductUpdate(app.runtime.eventStore, update);
    const [mail] = await eventually(async () => {
      await outbox.runOnce();
      const got = smtp.to(owner.email).filter((m) => m.raw.includes('Subject: New: practice reports'));
      return got.length > 0 ? got : undefined;
    });
    expect(decoded(mail.raw)).toContain('Reports are here.');
    await publishProductUpdate(app.runtime.eventStore, update);
    await sendAll();
    expect(smtp.to(owner.email).filter((m) => m.raw.includes('Subject: New: practice reports'))).toHaveLength(1);
    expect(smtp.to(quiet.email)).toHaveLength(0);
  });

  it('cancels a message queued before its recipient switched the category off: the switch is read again at send time', async () => {
    const late = await signedInUser(app, 'Lena');
    await publishProductUpdate(app.runtime.eventStore, { subject: 'Tip: keyboard shortcuts', body: 'Press ? for the shortcuts.' });
    const queued = await eventually(async () => {
      const docs = await app.runtime.readStore.collection<OutboxDocument>(OUTBOX).find({ userId: late.userId, kind: 'product-update' });
      return docs.length === 1 ? docs[0] : undefined;
    });
    expect(queued.status).toBe('queued');
    const off = await app.http().put('/me/notifications').set(late.auth).send({ productUpdatesAndTips: false });
    expect(off.status).toBe(200);
    await app.runtime.projector!.waitFor(Number(off.headers['x-consistency-token']), 5000);
    const cancelled = await eventually(async () => {
      await outbox.runOnce();
      const doc = await app.runtime.readStore.collection<OutboxDocument>(OUTBOX).get(queued._id);
      return doc?.status === 'cancelled' ? doc : undefined;
    });
    expect(cancelled.status).toBe('cancelled');
    expect(smtp.to(late.email)).toHaveLength(0);
  });
});
