import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createdPractice, signedInUser, startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/smtp-test-server';
import { emlTo } from '../support/eml-outbox';

const tokenIn = (eml: string, path: string): string => {
  const text = eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = new RegExp(`${path.replace(/\//g, '\\/')}\\?token=([A-Za-z0-9._%-]+)`).exec(text);
  if (!match) throw new Error('no link');
  return decodeURIComponent(match[1]);
};

describe('The embedded transport: .eml files under DATA_DIR/outbox (SMTP_URL unset)', () => {
  let app: TestApp;
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  let practiceId: string;

  beforeAll(async () => {
    app = await startTestApp(undefined, { MESSAGES_ENABLED: 'true', MESSAGES_POLL_MS: '50' });
    owner = await signedInUser(app, 'Olive');
    practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
  });
  afterAll(() => app.destroy());

  it('writes each message as an RFC 5322 file (0600) named by its id, listed at GET /dev/outbox', async () => {
    await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: 'grace@example.com', role: 'admin' });
    const [eml] = await eventually(() => (emlTo(app, 'grace@example.com').length > 0 ? emlTo(app, 'grace@example.com') : undefined));
    expect(eml).toMatch(/^Message-ID: <[0-9a-f-]{36}@practice-core>\r?$/m);
    expect(eml).toMatch(/^Subject: You're invited to join Calm Minds\r?$/m);
    expect(eml).toMatch(/multipart\/alternative/);

    const listed = await app.http().get('/dev/outbox').set(owner.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.dir).toBe(join(app.dataDir, 'outbox'));
    const file = listed.body.items[0];
    expect(file.file).toBe(`${file.messageId}.eml`);
    expect(statSync(join(app.dataDir, 'outbox', file.file)).mode & 0o777).toBe(0o600);
    expect((await app.http().get('/dev/outbox')).status).toBe(401);
  });

  it('emails a Client Portal invitation whose link token is accepted once', async () => {
    const created = await app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).send({ firstName: 'Pia', lastName: 'Portal', email: 'pia@example.com' });
    const clientId = created.body.clientId;
    const invited = await app.http().post(`/practices/${practiceId}/clients/${clientId}/portal/invitation`).set(owner.auth);
    expect(invited.status).toBe(200);
    const [eml] = await eventually(() => (emlTo(app, 'pia@example.com').length > 0 ? emlTo(app, 'pia@example.com') : undefined));
    expect(eml).toMatch(/Calm Minds invites you to its Client Portal/);
    const token = tokenIn(eml, '/portal/invitation-link');

    const link = await app.http().get(`/portal/invitation-link?token=${encodeURIComponent(token)}`);
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ chartId: clientId, practiceId, practiceName: 'Calm Minds' });
    const accepted = await app.http().post('/portal/invitation-link/accept').send({ token });
    expect(accepted.status).toBe(200);
    const again = await app.http().post('/portal/invitation-link/accept').set({ 'X-Consistency-Token': accepted.headers['x-consistency-token'] }).send({ token });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('LinkNotValid');
  });

  it("invites a minor without an email through the guardians alone when the portal access is guardian", async () => {
    const practice = (path: string) => `/practices/${practiceId}${path}`;
    const minor = await app.http().post(practice('/clients/minors')).set(owner.auth).send({
      firstName: 'Max', lastName: 'Minor', portalAccess: 'guardian',
      contacts: [
        { new: { firstName: 'Gwen', lastName: 'Minor', email: 'gwen@example.com' }, relationship: 'mother' },
        { new: { firstName: 'Hal', lastName: 'Minor' }, relationship: 'father' },
      ],
    });
    expect(minor.status).toBe(201);
    const invited = await app.http().post(practice(`/clients/${minor.body.clientId}/portal/invitation`)).set(owner.auth);
    expect(invited.status).toBe(200);
    const [eml] = await eventually(() => (emlTo(app, 'gwen@example.com').length > 0 ? emlTo(app, 'gwen@example.com') : undefined));
    expect(eml).toMatch(/Calm Minds invites you to its Client Portal/);

    // Nobody reached: a guardian-only minor whose contacts have no email is 409 naming contacts, nothing appended.
    const unreachable = await app.http().post(practice('/clients/minors')).set(owner.auth).send({
      firstName: 'Ned', lastName: 'Minor', portalAccess: 'guardian', contacts: [{ new: { firstName: 'Ida', lastName: 'Minor' }, relationship: 'aunt' }],
    });
    const before = await app.runtime.eventStore.headPosition();
    const refused = await app.http().post(practice(`/clients/${unreachable.body.clientId}/portal/invitation`)).set(owner.auth);
    expect([refused.status, refused.body.code, refused.body.errors.map((e: { field: string }) => e.field)]).toEqual([409, 'EmailRequired', ['contacts']]);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  });

  it("reaches a guardian who is a client at the email of their own chart, as it changes", async () => {
    const practice = (path: string) => `/practices/${practiceId}${path}`;
    const gail = await app.http().post(practice('/clients')).set(owner.auth).send({ firstName: 'Gail', lastName: 'Guardian' });
    expect(gail.status).toBe(201);
    const minor = await app.http().post(practice('/clients/minors')).set(owner.auth).send({
      firstName: 'Mia', lastName: 'Guardian', portalAccess: 'guardian', contacts: [{ clientId: gail.body.clientId, relationship: 'mother' }],
    });
    expect(minor.status).toBe(201);
    const invitation = practice(`/clients/${minor.body.clientId}/portal/invitation`);
    expect((await app.http().post(invitation).set(owner.auth)).body).toMatchObject({ status: 409, code: 'EmailRequired' });

    // Gail's own chart gets an email: she is the minor's contact, so her contact record takes it.
    const profile = practice(`/clients/${gail.body.clientId}/profile`);
    const edited = await app.http().put(profile).set(owner.auth).send({ firstName: 'Gail', lastName: 'Guardian', email: 'gail@example.com' });
    expect(edited.status).toBe(200);
    const contacts = await app.http().get(practice('/contacts?limit=500')).set(owner.auth).set('X-Consistency-Token', edited.headers['x-consistency-token']);
    const contact = contacts.body.items.find((item: { clientId: string | null }) => item.clientId === gail.body.clientId);
    expect(contact).toMatchObject({ firstName: 'Gail', email: 'gail@example.com' });
    // Her contact record is edited through her profile, not on its own: 409 naming her, nothing appended.
    const before = await app.runtime.eventStore.headPosition();
    const direct = await app.http().put(practice(`/contacts/${contact.contactId}`)).set(owner.auth).send({ firstName: 'Gail', lastName: 'Guardian', email: 'other@example.com' });
    expect([direct.status, direct.body.code, direct.body.clientId]).toEqual([409, 'ContactIsAClient', gail.body.clientId]);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
    expect((await app.http().post(invitation).set(owner.auth)).status).toBe(200);
    await eventually(() => (emlTo(app, 'gail@example.com').length > 0 ? true : undefined));

    // And a later change of it is where the resent invitation goes.
    expect((await app.http().put(profile).set(owner.auth).send({ firstName: 'Gail', lastName: 'Guardian', email: 'gail.new@example.com' })).status).toBe(200);
    expect((await app.http().post(`${invitation}/resend`).set(owner.auth)).status).toBe(200);
    await eventually(() => (emlTo(app, 'gail.new@example.com').length > 0 ? true : undefined));
  });

  it('counts the outbox in /health (queued, sending, failed, sent, parked, lag)', async () => {
    const health = await eventually(async () => {
      const response = await app.http().get('/health');
      return response.body.outbox?.sent >= 3 ? response : undefined;
    });
    expect(health.body.outbox).toEqual({ queued: 0, sending: 0, failed: 0, sent: expect.any(Number), parked: 0, lagSeconds: 0 });
  });
});
