import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/**
 * A client's mistake is a 4xx problem+json naming the field, appends nothing and never a 500.
 */
describe('Bad input (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const expectNothingAppended = async (action: () => Promise<{ status: number; headers: Record<string, string>; body: any }>, status: number) => {
    const before = await app.runtime.eventStore.headPosition();
    const response = await action();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code: expect.any(String), title: expect.any(String) });
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
    return response.body;
  };

  const postClient = (body: unknown) =>
    app.http().post(`/practices/${practiceId}/clients`).set(auth).set('Content-Type', 'application/json').send(body as object);

  it('names every missing field', async () => {
    const body = await expectNothingAppended(() => postClient({}), 400);
    expect(body.code).toBe('ValidationFailed');
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['firstName', 'lastName']));
  });

  it('refuses wrong types', async () => {
    const body = await expectNothingAppended(() => postClient({ firstName: 42, lastName: ['x'] }), 400);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['firstName', 'lastName']));
  });

  it('refuses blank names after trimming', async () => {
    const body = await expectNothingAppended(() => postClient({ firstName: '   ', lastName: 'Smith' }), 422);
    expect(body).toMatchObject({ code: 'NameRequired', errors: [{ field: 'firstName' }] });
  });

  it('refuses unknown fields', async () => {
    const body = await expectNothingAppended(() => postClient({ firstName: 'A', lastName: 'B', isAdmin: true }), 400);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('isAdmin');
  });

  it('refuses a body on a route that takes none (deactivate), naming its fields; {} and no body pass', async () => {
    const created = await postClient({ firstName: 'Body', lastName: 'Less' });
    expect(created.status).toBe(201);
    const deactivate = `/practices/${practiceId}/clients/${created.body.clientId}/deactivate`;
    const body = await expectNothingAppended(
      () => app.http().post(deactivate).set(auth).set('Content-Type', 'application/json').send({ reason: 'moved', x: 1 }),
      400,
    );
    expect(body).toMatchObject({ code: 'ValidationFailed' });
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/reason', '/x']);
    // Not signed in: 401 first, as on every route.
    expect((await app.http().post(deactivate).set('Content-Type', 'application/json').send({ reason: 'moved' })).status).toBe(401);
    expect((await app.http().post(deactivate).set(auth).set('Content-Type', 'application/json').send({})).status).toBe(200);
    const reactivate = `/practices/${practiceId}/clients/${created.body.clientId}/reactivate`;
    expect((await app.http().post(reactivate).set(auth)).status).toBe(200);
  });

  it('refuses a malformed email', async () => {
    const body = await expectNothingAppended(() => postClient({ firstName: 'A', lastName: 'B', email: 'nope' }), 400);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('email');
  });

  it('refuses malformed JSON', async () => {
    const body = await expectNothingAppended(() => postClient('{"firstName": "A",'), 400);
    expect(body.code).toBe('MalformedJson');
  });

  it('refuses an oversized body', async () => {
    const body = await expectNothingAppended(
      () => postClient({ firstName: 'A'.repeat(100_000), lastName: 'B' }),
      413,
    );
    expect(body.code).toBe('PayloadTooLarge');
  });

  it('refuses a bad Idempotency-Key, If-Match and consistency token', async () => {
    await expectNothingAppended(
      () => app.http().post(`/practices/${practiceId}/clients`).set(auth).set('Idempotency-Key', 'has spaces').send({ firstName: 'A', lastName: 'B' }),
      400,
    );
    const created = await postClient({ firstName: 'Ok', lastName: 'Client' });
    await expectNothingAppended(
      () =>
        app.http().post(`/practices/${practiceId}/clients/${created.body.clientId}/setup/complete`).set(auth).set('If-Match', 'yesterday'),
      400,
    );
    const read = await app.http().get(`/practices/${practiceId}/clients`).set(auth).set('X-Consistency-Token', 'abc');
    expect(read.status).toBe(400);
    expect(read.body.errors[0].field).toBe('X-Consistency-Token');
  });

  it('refuses bad list parameters and unknown query fields', async () => {
    for (const query of ['limit=0', 'limit=abc', 'limit=501', 'status=Gone', 'cursor=not-a-cursor', 'sort=name']) {
      const response = await app.http().get(`/practices/${practiceId}/clients?${query}`).set(auth);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('reads a limit only when it is written as a decimal integer, and names it otherwise', async () => {
    for (const limit of ['0x10', '1e2', '5.0', '%205', '', '-3']) {
      const response = await app.http().get(`/practices/${practiceId}/clients?limit=${limit}`).set(auth);
      expect({ limit, status: response.status }).toEqual({ limit, status: 400 });
      expect([...new Set(response.body.errors.map((error: { field: string }) => error.field))]).toEqual(['limit']);
    }
    expect((await app.http().get(`/practices/${practiceId}/clients?limit=16`).set(auth)).status).toBe(200);
  });

  it('answers 404 problem for unknown routes and unknown charts', async () => {
    expect((await app.http().get('/nowhere').set(auth)).status).toBe(404);
    const unknownChart = await app.http().get(`/practices/${practiceId}/charts/00000000-0000-4000-8000-000000000000`).set(auth);
    expect(unknownChart.status).toBe(404);
    expect(unknownChart.body.code).toBe('ChartNotFound');
    const notAUuid = await app.http().get(`/practices/${practiceId}/charts/12`).set(auth);
    expect(notAUuid.status).toBe(404);
  });

  describe('identity', () => {
    it('requires a bearer token on every route but sign-up, sign-in, health and docs', async () => {
      const response = await app.http().post(`/practices/${practiceId}/clients`).send({ firstName: 'A', lastName: 'B' });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect((await app.http().get(`/practices/${practiceId}/clients`).set('Authorization', 'Bearer forged.token.here')).status).toBe(401);
      expect((await app.http().post('/practices').send({ name: 'X' })).status).toBe(401);
    });

    it('keeps login emails unique regardless of case', async () => {
      const { email } = await signedInUser(app, 'Unique');
      const again = await app
        .http()
        .post('/auth/sign-up')
        .send({ email: email.toUpperCase(), password: 'another long password', firstName: 'U', lastName: 'V' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EmailAlreadyRegistered');
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const { email } = await signedInUser(app, 'Secret');
      const wrongPassword = await app.http().post('/auth/sign-in').send({ email, password: 'not the password' });
      const unknown = await app.http().post('/auth/sign-in').send({ email: `nobody-${Date.now()}@example.com`, password: 'whatever' });
      expect(wrongPassword.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrongPassword.body).toEqual(unknown.body);
    });

    it('refuses a short password and never records it in an event', async () => {
      const short = await app.http().post('/auth/sign-up').send({ email: 'short@example.com', password: 'short', firstName: 'S', lastName: 'P' });
      expect(short.status).toBe(400);
      expect(short.body.errors.map((e: { field: string }) => e.field)).toContain('password');

      const password = 'a password that must never be logged';
      await app.http().post('/auth/sign-up').send({ email: 'kept@example.com', password, firstName: 'K', lastName: 'P' });
      const everything = JSON.stringify(await app.runtime.eventStore.readAll());
      expect(everything).not.toContain(password);
      expect(everything).not.toMatch(/scrypt\$/);
    });
  });
});

describe('Tenant isolation (embedded default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => app.destroy());

  it("gives 404 for another practice's ids and appends nothing", async () => {
    const alice = await signedInUser(app, 'Alice');
    const bob = await signedInUser(app, 'Bob');
    const practiceA = await createdPractice(app, alice.auth, 'A');
    const practiceB = await createdPractice(app, bob.auth, 'B');
    const clientB = (
      await app.http().post(`/practices/${practiceB}/clients`).set(bob.auth).send({ firstName: 'Bee', lastName: 'Client' })
    ).body.clientId;
    const before = await app.runtime.eventStore.headPosition();

    // Alice in B's practice.
    const attempts = [
      app.http().get(`/practices/${practiceB}/clients`).set(alice.auth),
      app.http().get(`/practices/${practiceB}/needs-attention`).set(alice.auth),
      app.http().get(`/practices/${practiceB}/charts/${clientB}`).set(alice.auth),
      app.http().get(`/practices/${practiceB}/charts/${clientB}/history`).set(alice.auth),
      app.http().get(`/practices/${practiceB}/charts/${clientB}/reads`).set(alice.auth),
      app.http().get(`/practices/${practiceA}/charts/${clientB}/reads`).set(alice.auth),
      app.http().post(`/practices/${practiceB}/clients`).set(alice.auth).send({ firstName: 'X', lastName: 'Y' }),
      app.http().put(`/practices/${practiceB}/clients/${clientB}/legal-name`).set(alice.auth).send({ firstName: 'X', lastName: 'Y' }),
      app.http().post(`/practices/${practiceB}/clients/${clientB}/setup/complete`).set(alice.auth),
      // B's chart through Alice's own practice.
      app.http().get(`/practices/${practiceA}/charts/${clientB}`).set(alice.auth),
      app.http().get(`/practices/${practiceA}/charts/${clientB}/history`).set(alice.auth),
      app.http().put(`/practices/${practiceA}/clients/${clientB}/legal-name`).set(alice.auth).send({ firstName: 'X', lastName: 'Y' }),
      app.http().post(`/practices/${practiceA}/clients/${clientB}/setup/complete`).set(alice.auth).set('If-Match', '"0"'),
      app.http().delete(`/practices/${practiceA}/clients/${clientB}/legal-name`).set(alice.auth),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await app.runtime.eventStore.headPosition()).toBe(before);

    const aliceList = await app.http().get(`/practices/${practiceA}/clients`).set(alice.auth);
    expect(aliceList.body.items).toEqual([]);
  });

  it('lets the same email be a client of two practices', async () => {
    const carol = await signedInUser(app, 'Carol');
    const dave = await signedInUser(app, 'Dave');
    const p1 = await createdPractice(app, carol.auth);
    const p2 = await createdPractice(app, dave.auth);
    const body = { firstName: 'Shared', lastName: 'Person', email: 'shared@example.com' };
    expect((await app.http().post(`/practices/${p1}/clients`).set(carol.auth).send(body)).status).toBe(201);
    expect((await app.http().post(`/practices/${p2}/clients`).set(dave.auth).send(body)).status).toBe(201);
  });
});
