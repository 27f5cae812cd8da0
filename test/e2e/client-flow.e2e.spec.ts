import { signedInUser, createdPractice, type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

describe('A client chart from command to read model (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const createClient = (body: object, headers: Record<string, string> = {}) =>
    app.http().post(`/practices/${practiceId}/clients`).set(auth).set(headers).send(body);

  it('creates a client with only a first and last name, and lists it as incomplete', async () => {
    const created = await createClient({ firstName: 'Grace', lastName: 'Hopper' });
    expect(created.status).toBe(201);
    expect(created.body.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.etag).toBe('"0"');
    const token = created.headers['x-consistency-token'];
    expect(Number(token)).toBe(created.body.position);

    const list = await app.http().get(`/practices/${practiceId}/clients`).set(auth).set('X-Consistency-Token', token);
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { clientId: string }) => i.clientId === created.body.clientId);
    expect(item).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', status: 'Active', incomplete: true, email: null });

    const attention = await app.http().get(`/practices/${practiceId}/needs-attention`).set(auth).set('X-Consistency-Token', token);
    expect(attention.body.items.map((i: { chartId: string }) => i.chartId)).toContain(created.body.clientId);
  });

  it('sets a legal name, completes the setup, and the client leaves Needs Attention', async () => {
    const created = await createClient({ firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' });
    const { clientId } = created.body;

    const legal = await app
      .http()
      .put(`/practices/${practiceId}/clients/${clientId}/legal-name`)
      .set(auth)
      .set('If-Match', created.headers.etag)
      .send({ firstName: 'Alan Mathison', lastName: 'Turing' });
    expect(legal.status).toBe(200);
    expect(legal.headers.etag).toBe('"1"');

    const stale = await app
      .http()
      .post(`/practices/${practiceId}/clients/${clientId}/setup/complete`)
      .set(auth)
      .set('If-Match', created.headers.etag);
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.body.code).toBe('RevisionMismatch');

    const complete = await app
      .http()
      .post(`/practices/${practiceId}/clients/${clientId}/setup/complete`)
      .set(auth)
      .set('If-Match', legal.headers.etag);
    expect(complete.status).toBe(200);
    const token = complete.headers['x-consistency-token'];

    const chart = await app.http().get(`/practices/${practiceId}/charts/${clientId}`).set(auth).set('X-Consistency-Token', token);
    expect(chart.status).toBe(200);
    expect(chart.body).toMatchObject({
      chartId: clientId,
      kind: 'individual',
      profile: { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com', status: 'Active' },
      identity: { legalName: { firstName: 'Alan Mathison', lastName: 'Turing' } },
      setup: { complete: true },
      revision: 2,
    });
    expect(chart.headers.etag).toBe('"2"');

    const attention = await app.http().get(`/practices/${practiceId}/needs-attention`).set(auth).set('X-Consistency-Token', token);
    expect(attention.body.items.map((i: { chartId: string }) => i.chartId)).not.toContain(clientId);

    const history = await app.http().get(`/practices/${practiceId}/charts/${clientId}/history`).set(auth);
    expect(history.status).toBe(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'ClientCreated',
      'LegalNameSet',
      'ClientSetupCompleted',
    ]);
    expect(history.body.events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2]);
    for (const event of history.body.events) {
      expect(event.actorUserId).toEqual(expect.any(String));
      expect(Date.parse(event.occurredAt)).not.toBeNaN();
    }

    const asOf = await app.http().get(`/practices/${practiceId}/charts/${clientId}/history?asOfRevision=0`).set(auth);
    expect(asOf.body.events).toHaveLength(1);
    expect(asOf.body.stateAsOf).toMatchObject({ legalName: null, setupComplete: false });

    // Every read of the chart is attributable: the document read and the two history reads above.
    const reads = await app.http().get(`/practices/${practiceId}/charts/${clientId}/reads`).set(auth);
    expect(reads.status).toBe(200);
    expect(reads.body.reads.map((r: { view: string }) => r.view)).toEqual(['chart', 'history', 'history']);
    expect(new Set(reads.body.reads.map((r: { userId: string }) => r.userId)).size).toBe(1);
  });

  it('refuses a second client with the same email in any letter case (409, stable code)', async () => {
    const first = await createClient({ firstName: 'Ann', lastName: 'One', email: 'same@example.com' });
    expect(first.status).toBe(201);
    const second = await createClient({ firstName: 'Ann', lastName: 'Two', email: 'SAME@Example.com' });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(second.body).toMatchObject({ code: 'EmailAlreadyInUse', errors: [{ field: 'email' }] });
  });

  it('returns the first answer to a retry with the same Idempotency-Key and appends nothing', async () => {
    const headBefore = await app.runtime.eventStore.headPosition();
    const first = await createClient({ firstName: 'Idem', lastName: 'Potent', email: 'idem@example.com' }, { 'Idempotency-Key': 'k-1' });
    const headAfterFirst = await app.runtime.eventStore.headPosition();
    const retry = await createClient({ firstName: 'Idem', lastName: 'Potent', email: 'idem@example.com' }, { 'Idempotency-Key': 'k-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(headAfterFirst).toBeGreaterThan(headBefore);
    expect(await app.runtime.eventStore.headPosition()).toBe(headAfterFirst);
  });

  it('refuses an Idempotency-Key reused for a different request, appending nothing', async () => {
    const first = await createClient({ firstName: 'Key', lastName: 'Once' }, { 'Idempotency-Key': 'k-reused' });
    expect(first.status).toBe(201);
    const head = await app.runtime.eventStore.headPosition();
    const other = await createClient({ firstName: 'Key', lastName: 'Twice' }, { 'Idempotency-Key': 'k-reused' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IdempotencyKeyReused', errors: [{ field: 'Idempotency-Key' }] });
    expect(await app.runtime.eventStore.headPosition()).toBe(head);
    const same = await createClient({ firstName: 'Key', lastName: 'Once' }, { 'Idempotency-Key': 'k-reused' });
    expect(same.body).toEqual(first.body);
  });

  it('keeps secrets out of the request fingerprint it records', async () => {
    const password = 'a fingerprinted password?';
    const signUp = await app.http().post('/auth/sign-up').set('Idempotency-Key', 'signup-1').send({ email: 'fp@example.com', password, firstName: 'F', lastName: 'P' });
    expect(signUp.status).toBe(201);
    const retry = await app.http().post('/auth/sign-up').set('Idempotency-Key', 'signup-1').send({ email: 'fp@example.com', password: 'another password entirely', firstName: 'F', lastName: 'P' });
    // The password is not part of the fingerprint, so this retry is the same request as far as the log knows.
    expect(retry.status).toBe(201);
    expect(retry.body.userId).toBe(signUp.body.userId);
    const events = await app.runtime.eventStore.readStream(`user-${signUp.body.userId}`);
    expect(events[0].metadata.requestFingerprint).toEqual(expect.any(String));
  });

  it('searches names and email, filters by status and pages with a cursor', async () => {
    const { auth: otherAuth } = await signedInUser(app, 'Pager');
    const otherPractice = await createdPractice(app, otherAuth, 'Paging Practice');
    let token = '';
    for (const [first, last] of [['Zoe', 'Adams'], ['Yan', 'Baker'], ['Xia', 'Clark'], ['Wim', 'Davis'], ['Val', 'Evans']]) {
      const r = await app.http().post(`/practices/${otherPractice}/clients`).set(otherAuth).send({ firstName: first, lastName: last, email: `${first.toLowerCase()}@paging.example` });
      token = r.headers['x-consistency-token'];
    }
    const page1 = await app.http().get(`/practices/${otherPractice}/clients?limit=2`).set(otherAuth).set('X-Consistency-Token', token);
    expect(page1.body.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Adams', 'Baker']);
    const page2 = await app.http().get(`/practices/${otherPractice}/clients?limit=2&cursor=${page1.body.nextCursor}`).set(otherAuth);
    expect(page2.body.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Clark', 'Davis']);
    const page3 = await app.http().get(`/practices/${otherPractice}/clients?limit=2&cursor=${page2.body.nextCursor}`).set(otherAuth);
    expect(page3.body.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Evans']);
    expect(page3.body.nextCursor).toBeNull();

    const search = await app.http().get(`/practices/${otherPractice}/clients?search=XIA@PAGING`).set(otherAuth);
    expect(search.body.items.map((i: { firstName: string }) => i.firstName)).toEqual(['Xia']);
    const byName = await app.http().get(`/practices/${otherPractice}/clients?search=bak`).set(otherAuth);
    expect(byName.body.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Baker']);
    const inactive = await app.http().get(`/practices/${otherPractice}/clients?status=Inactive`).set(otherAuth);
    expect(inactive.body.items).toEqual([]);
    const regexChars = await app.http().get(`/practices/${otherPractice}/clients?search=.*`).set(otherAuth);
    expect(regexChars.status).toBe(200);
    expect(regexChars.body.items).toEqual([]);
  });

  it('serves health and the OpenAPI document (metrics are on their own port: cors-and-metrics.e2e.spec.ts)', async () => {
    const health = await app.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.projector.lag).toMatchObject({ eventsBehind: expect.any(Number), secondsBehind: expect.any(Number) });
    const docs = await app.http().get('/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/auth/sign-up', '/practices/{practiceId}/clients', '/practices/{practiceId}/charts/{chartId}/history']),
    );
  });
});
