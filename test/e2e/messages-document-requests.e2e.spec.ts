import { createdPractice, signedInUser, startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/smtp-test-server';
import { emlTo, outboxEmls } from '../support/eml-outbox';

describe('Document request emails: whoever signs the chart documents (embedded transport)', () => {
  let app: TestApp;
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  let practiceId: string;

  beforeAll(async () => {
    app = await startTestApp(undefined, { MESSAGES_ENABLED: 'true', MESSAGES_POLL_MS: '50' });
    owner = await signedInUser(app, 'Olive');
    practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
  });
  afterAll(() => app.destroy());

  it("emails a minor's contact who signs documents, not the one who does not nor the minor (portal access guardian), without the request's title", async () => {
    const practice = (path: string) => `/practices/${practiceId}${path}`;
    const minor = await app.http().post(practice('/clients/minors')).set(owner.auth).send({
      firstName: 'Tess', lastName: 'Signer', email: 'tess.signer@example.com', portalAccess: 'guardian',
      contacts: [
        { new: { firstName: 'Sam', lastName: 'Signer', email: 'sam.signer@example.com' }, relationship: 'mother', signsDocuments: true },
        { new: { firstName: 'Nora', lastName: 'Signer', email: 'nora.signer@example.com' }, relationship: 'father', signsDocuments: false },
      ],
    });
    expect(minor.status).toBe(201);

    const requested = await app.http().post(practice(`/charts/${minor.body.clientId}/document-requests`)).set(owner.auth).send({
      title: 'Trauma history questionnaire', message: 'About the accident in March',
    });
    expect(requested.status).toBe(201);

    const [eml] = await eventually(() => (emlTo(app, 'sam.signer@example.com').length > 0 ? emlTo(app, 'sam.signer@example.com') : undefined));
    // The workflow has handled the request and the outbox has nothing left to send: what is written is all there is.
    await eventually(() => ((app.runtime.messaging?.workflows.status().position ?? -1) >= requested.body.position ? true : undefined));
    await eventually(async () => {
      const outbox = (await app.http().get('/health')).body.outbox;
      return outbox?.queued === 0 && outbox?.sending === 0 && outbox?.failed === 0 ? true : undefined;
    });
    expect(outboxEmls(app)).toHaveLength(1);
    expect(emlTo(app, 'nora.signer@example.com')).toEqual([]);
    expect(emlTo(app, 'tess.signer@example.com')).toEqual([]);

    expect(eml).toMatch(/^Subject: Calm Minds has requested documents from you\r?$/m);
    expect(eml).toMatch(/Client Portal/);
    expect(eml).toMatch(/multipart\/alternative/);
    expect(eml).not.toMatch(/Trauma|questionnaire|accident/i);

    const page = await app.http().get(practice('/messages?limit=100')).set(owner.auth);
    expect(page.body.items.filter((m: { kind: string }) => m.kind === 'document-request').map((m: { to: string }) => m.to)).toEqual(['sam.signer@example.com']);
  });
});
