import { messageDecider } from '@practice/domain';
import { messageStream } from '@practice/events';
import { CommandRunner } from '../../apps/command-api/src/application/command-runner';
import { commandEnvelope } from '../../apps/command-api/src/application/command-envelope';
import { eventCodec } from '@practice/events';
import { createdPractice, newDataDir, signedInUser, startTestApp, type TestApp } from '../support/test-app';
import { eventually, SmtpTestServer } from '../support/smtp-test-server';

const FAST = { MESSAGES_POLL_MS: '50', MESSAGES_RETRY_BASE_MS: '100', MESSAGES_MAX_ATTEMPTS: '50' };

const linkTokenOf = (raw: string): string => {
  // quoted-printable may fold the link: undo soft line breaks and =3D before reading it.
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /\/invitation-link\?token=([A-Za-z0-9._%-]+)/.exec(text);
  if (!match) throw new Error('no link in the message');
  return decodeURIComponent(match[1]);
};

describe('Messages over a real SMTP server (in-process)', () => {
  const smtp = new SmtpTestServer();
  let app: TestApp;
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  let practiceId: string;

  beforeAll(async () => {
    await smtp.start(0);
    app = await startTestApp(newDataDir(), { SMTP_URL: smtp.url, ...FAST });
    owner = await signedInUser(app, 'Olive');
    practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
  });
  afterAll(async () => {
    await app.destroy();
    await smtp.stop();
  });

  const invite = async (email: string): Promise<string> => {
    const answer = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email, role: 'clinician' });
    expect(answer.status).toBe(201);
    return answer.body.invitationId;
  };
  const messages = (status?: string) =>
    app.http().get(`/practices/${practiceId}/messages${status ? `?status=${status}` : ''}`).set(owner.auth);

  it('emails a practice invitation once, with a signed single-use link; no token is in any event', async () => {
    const invitee = await signedInUser(app, 'Bea');
    const invitationId = await invite(invitee.email);
    const [mail] = await eventually(() => (smtp.to(invitee.email).length > 0 ? smtp.to(invitee.email) : undefined));
    expect(mail.raw).toMatch(/Subject: You're invited to join Calm Minds/);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const token = linkTokenOf(mail.raw);

    const events = await app.runtime.eventStore.readAll();
    expect(JSON.stringify(events)).not.toContain(token);

    const link = await app.http().get(`/invitation-link?token=${encodeURIComponent(token)}`);
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ invitationId, practiceId, practiceName: 'Calm Minds', role: 'clinician', acceptPath: `/invitations/${invitationId}/accept` });

    // Accepting needs the invited login: another user is refused, the invitee accepts, and the link is then dead.
    const stranger = await signedInUser(app, 'Sam');
    const wrong = await app.http().post('/invitation-link/accept').set(stranger.auth).send({ token });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    const accepted = await app.http().post('/invitation-link/accept').set(invitee.auth).send({ token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ invitationId, practiceId });
    const again = await app.http().get(`/invitation-link?token=${encodeURIComponent(token)}`).set({ 'X-Consistency-Token': accepted.headers['x-consistency-token'] });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('LinkNotValid');
    expect((await app.http().get('/invitation-link?token=forged.token.here')).body.code).toBe('LinkNotValid');

    const list = await eventually(async () => {
      const page = await messages('sent');
      return page.body.items.some((m: { to: string }) => m.to === invitee.email) ? page : undefined;
    });
    expect(list.body.items.filter((m: { to: string }) => m.to === invitee.email)).toHaveLength(1);
    expect(smtp.to(invitee.email)).toHaveLength(1);
  });

  it('parks a message whose address the server refuses, and an operator retries it', async () => {
    await invite('refused.one@example.com');
    const parked = await eventually(async () => {
      const page = await messages('parked');
      return page.body.items.find((m: { to: string }) => m.to === 'refused.one@example.com');
    });
    expect(parked).toMatchObject({ kind: 'practice-invitation', status: 'parked', parkedWhy: 'refused' });
    expect(parked.lastError).toMatch(/550/);
    expect(smtp.to('refused.one@example.com')).toHaveLength(0);

    const retried = await app.http().post(`/practices/${practiceId}/messages/${parked.messageId}/retry`).set(owner.auth);
    expect(retried.status).toBe(200);
    expect(retried.body.messageId).toBe(parked.messageId);
    const notParked = await app.http().post(`/practices/${practiceId}/messages/${parked.messageId}/retry`).set(owner.auth);
    expect([200, 409]).toContain(notParked.status);
    await eventually(async () => {
      const page = await messages('parked');
      return page.body.items.find((m: { to: string; attempts: number }) => m.to === 'refused.one@example.com' && m.attempts === 1);
    });

    // Another practice's member cannot see or retry it.
    const other = await signedInUser(app, 'Otto');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const foreign = await app.http().post(`/practices/${otherPractice}/messages/${parked.messageId}/retry`).set(other.auth);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('MessageNotFound');
  });

  it('a server that is down and comes back gets every message, once', async () => {
    await smtp.stop();
    await invite('late.one@example.com');
    await invite('late.two@example.com');
    await eventually(async () => {
      const page = await messages('failed');
      const late = page.body.items.filter((m: { to: string }) => m.to.startsWith('late.'));
      return late.length === 2 ? late : undefined;
    });
    await smtp.start();
    await eventually(async () => {
      const page = await messages('sent');
      return page.body.items.filter((m: { to: string }) => m.to.startsWith('late.')).length === 2 ? true : undefined;
    });
    expect(smtp.to('late.one@example.com')).toHaveLength(1);
    expect(smtp.to('late.two@example.com')).toHaveLength(1);
  });
});

describe('A crash between the send and its record', () => {
  const smtp = new SmtpTestServer();
  const dataDir = newDataDir();
  afterAll(() => smtp.stop());

  it('sends nothing twice: after a restart the message is parked as "outcome unknown" for an operator', async () => {
    await smtp.start(0);
    // The dispatcher only rounds once an hour here, so the test plays the crashed dispatcher itself.
    const first = await startTestApp(dataDir, { SMTP_URL: smtp.url, MESSAGES_POLL_MS: '3600000' });
    const owner = await signedInUser(first, 'Olive');
    const practiceId = await createdPractice(first, owner.auth);
    await first.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: 'crash@example.com', role: 'biller' });
    const queued = await eventually(async () => {
      const page = await first.http().get(`/practices/${practiceId}/messages?status=queued`).set(owner.auth);
      return page.body.items.find((m: { to: string }) => m.to === 'crash@example.com');
    });
    // What a dispatcher does before it sends: claim the message. Then the process dies.
    const runner = new CommandRunner(first.runtime.eventStore, eventCodec);
    const envelope = commandEnvelope({ commandType: 'StartSend', actorUserId: null, practiceId, now: new Date() });
    const claim = await runner.run(messageDecider, messageStream(queued.messageId), { type: 'StartSend', messageId: queued.messageId, now: envelope.now }, envelope);
    expect(claim.events).toHaveLength(1);
    await first.stop();

    const second = await startTestApp(dataDir, { SMTP_URL: smtp.url, MESSAGES_POLL_MS: '50', MESSAGES_SEND_TIMEOUT_MS: '1000' });
    try {
      const parked = await eventually(async () => {
        const page = await second.http().get(`/practices/${practiceId}/messages?status=parked`).set(owner.auth);
        return page.body.items.find((m: { messageId: string }) => m.messageId === queued.messageId);
      });
      expect(parked.parkedWhy).toBe('outcome-unknown');
      expect(smtp.to('crash@example.com')).toHaveLength(0);
      // An operator who knows it did not leave sends it again: once.
      expect((await second.http().post(`/practices/${practiceId}/messages/${queued.messageId}/retry`).set(owner.auth)).status).toBe(200);
      await eventually(() => (smtp.to('crash@example.com').length === 1 ? true : undefined));
      await eventually(async () => {
        const page = await second.http().get(`/practices/${practiceId}/messages?status=sent`).set(owner.auth);
        return page.body.items.find((m: { messageId: string }) => m.messageId === queued.messageId);
      });
      expect(smtp.to('crash@example.com')).toHaveLength(1);
    } finally {
      await second.destroy();
    }
  });
});
