import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

/**
 * Idempotency-Key on every command route, not only the chart routes: a retry with the same key answers
 * as the first time and appends nothing; the same key with another request is 422 IdempotencyKeyReused.
 */
describe('Idempotency-Key, If-Match and the answer headers on every command route (embedded default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => app.destroy());

  const streamLength = async (stream: string) => (await app.runtime.eventStore.readStream(stream)).length;

  /** Sends twice with one key, then once more with the same key and another body. */
  const retried = async (send: (key: string, variant: 'first' | 'other') => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>, stream: string, status = 200) => {
    const key = `key-${Math.random()}`;
    const first = await send(key, 'first');
    expect(first.status).toBe(status);
    const length = await streamLength(stream);
    const again = await send(key, 'first');
    expect(again.status).toBe(status);
    expect(again.body).toEqual(first.body);
    expect(again.headers['x-consistency-token']).toBe(first.headers['x-consistency-token']);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await streamLength(stream)).toBe(length);
    const reused = await send(key, 'other');
    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reused.body).toMatchObject({ code: 'IdempotencyKeyReused', errors: [{ field: 'Idempotency-Key' }] });
    expect(await streamLength(stream)).toBe(length);
    return first;
  };

  it('practice settings: rename and settings', async () => {
    const owner = await signedInUser(app, 'Olive');
    const practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
    const rename = (key: string, variant: string) =>
      app.http().patch(`/practices/${practiceId}`).set(owner.auth).set('Idempotency-Key', key).send({ name: variant === 'first' ? 'Calmer Minds' : 'Other Minds' });
    const first = await retried(rename, `practice-${practiceId}`);
    expect(first.body).toEqual({ practiceId, position: expect.any(Number) });
    const settings = (key: string, variant: string) =>
      app.http().put(`/practices/${practiceId}/settings`).set(owner.auth).set('Idempotency-Key', key).send({ requestClientLegalSexDesignation: variant !== 'first' });
    await retried(settings, `practice-${practiceId}`);
  });

  it('members and invitations: the same key invites once, with the same invitation id', async () => {
    const owner = await signedInUser(app, 'Olive');
    const grace = await signedInUser(app, 'Grace');
    const practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
    const invite = (key: string, variant: string) =>
      app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).set('Idempotency-Key', key).send({ email: grace.email, role: variant === 'first' ? 'clinician' : 'admin' });
    const invited = await retried(invite, `practice-${practiceId}`, 201);
    const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(grace.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    expect(accepted.status).toBe(200);
    const role = (key: string, variant: string) =>
      app.http().put(`/practices/${practiceId}/members/${grace.userId}/role`).set(owner.auth).set('Idempotency-Key', key).send({ role: variant === 'first' ? 'admin' : 'biller' });
    await retried(role, `practice-${practiceId}`);
  });

  it('members: a role change with a stale If-Match is 412 and changes nothing', async () => {
    const owner = await signedInUser(app, 'Olive');
    const grace = await signedInUser(app, 'Grace');
    const practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
    const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: grace.email, role: 'clinician' });
    await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(grace.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    const length = await streamLength(`practice-${practiceId}`);
    const stale = await app.http().put(`/practices/${practiceId}/members/${grace.userId}/role`).set(owner.auth).set('If-Match', '"0"').send({ role: 'admin' });
    expect(stale.status).toBe(412);
    expect(await streamLength(`practice-${practiceId}`)).toBe(length);
  });

  it('profile: name and login email', async () => {
    const ada = await signedInUser(app, 'Ada');
    const name = (key: string, variant: string) =>
      app.http().patch('/me').set(ada.auth).set('Idempotency-Key', key).send({ firstName: variant === 'first' ? 'Augusta' : 'Other', lastName: 'Lovelace' });
    const first = await retried(name, `user-${ada.userId}`);
    expect(first.body).toEqual({ userId: ada.userId, position: expect.any(Number) });
    expect(first.headers.etag).toMatch(/^"\d+"$/);
    const email = (key: string, variant: string) =>
      app.http().put('/me/email').set(ada.auth).set('Idempotency-Key', key).send({ email: `${variant}.${ada.email}` });
    await retried(email, `user-${ada.userId}`);
  });

  it('profile: a login email change with a stale If-Match is 412, claims nothing and changes nothing', async () => {
    const ada = await signedInUser(app, 'Ada');
    const renamed = await app.http().patch('/me').set(ada.auth).send({ firstName: 'Augusta', lastName: 'Lovelace' });
    expect(renamed.status).toBe(200);
    const length = await streamLength(`user-${ada.userId}`);
    const wanted = `stale.${ada.email}`;
    const stale = await app.http().put('/me/email').set(ada.auth).set('If-Match', '"0"').send({ email: wanted });
    expect(stale.status).toBe(412);
    expect(await streamLength(`user-${ada.userId}`)).toBe(length);
    // The address was never claimed: another account can take it.
    const other = await signedInUser(app, 'Other');
    expect((await app.http().put('/me/email').set(other.auth).send({ email: wanted })).status).toBe(200);
    const current = await app.http().put('/me/email').set(ada.auth).set('If-Match', renamed.headers.etag).send({ email: `fresh.${ada.email}` });
    expect(current.status).toBe(200);
  });

  it('a key is one command on one record: another command or record with it runs as a new command', async () => {
    const owner = await signedInUser(app, 'Ida');
    const practiceId = await createdPractice(app, owner.auth, 'Keyed Minds');
    const client = (firstName: string, key: string) =>
      app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).set('Idempotency-Key', key).send({ firstName, lastName: 'Keyed' });
    const a = await client('Ann', 'create-a');
    const b = await client('Ben', 'create-b');
    expect([a.status, b.status]).toEqual([201, 201]);
    // Two creates with one key and different bodies: the same command, so the second is refused.
    expect((await client('Other', 'create-a')).body).toMatchObject({ code: 'IdempotencyKeyReused' });
    const legalName = (clientId: string) => `/practices/${practiceId}/clients/${clientId}/legal-name`;
    const key = `legal-${Math.random()}`;
    const set = await app.http().put(legalName(a.body.clientId)).set(owner.auth).set('Idempotency-Key', key).send({ firstName: 'Anne', lastName: 'Keyed' });
    expect(set.status).toBe(200);
    const other = await app.http().put(legalName(b.body.clientId)).set(owner.auth).set('Idempotency-Key', key).send({ firstName: 'Benjamin', lastName: 'Keyed' });
    expect(other.status).toBe(200);
    expect(other.body.position).toBeGreaterThan(set.body.position);
    const cleared = await app.http().delete(legalName(a.body.clientId)).set(owner.auth).set('Idempotency-Key', key);
    expect(cleared.status).toBe(200);
    expect(cleared.body.position).toBeGreaterThan(other.body.position);
    const types = (await app.runtime.eventStore.readStream(`chart-${a.body.clientId}`)).map((event) => event.type);
    expect(types.slice(-2)).toEqual(['LegalNameSet', 'LegalNameCleared']);
  });

  it('creating a practice answers with the Location of the practice', async () => {
    const ada = await signedInUser(app, 'Ada');
    const created = await app.http().post('/practices').set(ada.auth).send({ name: 'Calm Minds' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/practices/${created.body.practiceId}`);
    expect((await app.http().get(created.headers.location).set(ada.auth)).status).toBe(200);
  });
});
