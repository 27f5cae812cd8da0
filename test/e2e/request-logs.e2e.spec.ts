import { EventStoreUnavailableError } from '@practice/event-store';
import { startTestApp, type TestApp } from '../support/test-app';

type Line = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Request ids and logs: X-Request-Id taken when sane or made, echoed on every answer, in every line of
 * the request (one access line each) and in the events it appends; never a body, a token, an email
 * or a query value in a line.
 */
describe('Request ids and logs (embedded default)', () => {
  let app: TestApp;
  const lines: Line[] = [];
  const raw: string[] = [];
  const destination = {
    write: (text: string) => {
      raw.push(text);
      lines.push(JSON.parse(text) as Line);
    },
  };

  const email = `logged.${Date.now()}@example.com`;
  const password = 'a password never logged';
  let accessToken: string;
  let practiceId: string;

  const accessLinesOf = (requestId: string): Line[] => lines.filter((line) => line.requestId === requestId && line.msg === 'request');

  beforeAll(async () => {
    app = await startTestApp(undefined, { LOG_LEVEL: 'info' }, { logDestination: destination });
    const signUp = await app.http().post('/auth/sign-up').set('X-Request-Id', 'sign-up.1').send({ email, password, firstName: 'Log', lastName: 'Ged' });
    expect(signUp.status).toBe(201);
    const signIn = await app.http().post('/auth/sign-in').set('X-Request-Id', 'sign-in.1').send({ email, password });
    accessToken = signIn.body.accessToken;
    practiceId = (await app.http().post('/practices').set('Authorization', `Bearer ${accessToken}`).send({ name: 'Logged practice' })).body.practiceId;
  });

  afterAll(async () => app.destroy());

  describe('the request id', () => {
    it('is the caller’s X-Request-Id when it is a sane token, echoed', async () => {
      const response = await app.http().get('/health').set('X-Request-Id', 'abc-123_x.Y');
      expect(response.headers['x-request-id']).toBe('abc-123_x.Y');
    });

    it.each([
      ['with spaces', 'has spaces'],
      ['too long', 'a'.repeat(129)],
      ['with a line break', 'a%0Ab'],
      ['with a quote', 'a"b'],
    ])('is a new UUID when the given one is %s', async (_, given) => {
      const response = await app.http().get('/health').set('X-Request-Id', given);
      expect(response.headers['x-request-id']).toMatch(UUID);
    });

    it('is made (a UUID) when none is given, a new one each time', async () => {
      const first = await app.http().get('/health');
      const second = await app.http().get('/health');
      expect(first.headers['x-request-id']).toMatch(UUID);
      expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    });

    it.each([
      ['401', () => app.http().get('/me')],
      ['404', () => app.http().get('/nowhere')],
      ['405', () => app.http().get('/auth/sign-in')],
      ['415', () => app.http().post('/auth/sign-in').set('Content-Type', 'text/plain').send('x')],
      ['400 malformed JSON', () => app.http().post('/auth/sign-in').set('Content-Type', 'application/json').send('{')],
      ['413', () => app.http().post('/auth/sign-in').send({ email: 'x'.repeat(100_000) })],
      ['400 validation', () => app.http().post('/auth/sign-in').send({})],
    ])('is echoed on an error answer too (%s)', async (_, call) => {
      const response = await call();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers['x-request-id']).toMatch(UUID);
    });
  });

  describe('the access line', () => {
    it('has method, route template, status, duration and request id of a public request', () => {
      const [line] = accessLinesOf('sign-up.1');
      expect(line).toMatchObject({ level: 30, method: 'POST', route: '/auth/sign-up', status: 201, durationMs: expect.any(Number) });
      expect(line.userId).toBeUndefined();
      expect(accessLinesOf('sign-up.1')).toHaveLength(1);
    });

    it('has the route template (not the path) and the user id of an authenticated request', async () => {
      const response = await app
        .http()
        .get(`/practices/${practiceId}/clients?search=Zebediah&limit=7`)
        .set('Authorization', `Bearer ${accessToken}`)
        .set('X-Request-Id', 'list.1');
      expect(response.status).toBe(200);
      const [line] = accessLinesOf('list.1');
      expect(line).toMatchObject({ method: 'GET', route: '/practices/:practiceId/clients', status: 200, userId: expect.any(String) });
      expect(JSON.stringify(line)).not.toContain(practiceId);
    });

    it('is written for a request no route has, without its path', async () => {
      await app.http().get('/nowhere/ada@example.com').set('X-Request-Id', 'lost.1');
      const [line] = accessLinesOf('lost.1');
      expect(line).toMatchObject({ method: 'GET', status: 404 });
      expect(line.route).toBeUndefined();
    });

    it('has the request id in a line the application writes while serving it', async () => {
      const spy = jest.spyOn(app.runtime.eventStore, 'appendToStream').mockRejectedValueOnce(new EventStoreUnavailableError('down'));
      try {
        const response = await app.http().post('/practices').set('Authorization', `Bearer ${accessToken}`).set('X-Request-Id', 'down.1').send({ name: 'Nope' });
        expect(response.status).toBe(503);
      } finally {
        spy.mockRestore();
      }
      const written = lines.filter((line) => line.requestId === 'down.1');
      expect(written.map((line) => line.msg)).toEqual(expect.arrayContaining(['request', expect.stringContaining('event store unavailable')]));
      expect(written.find((line) => line.msg !== 'request')).toMatchObject({ level: 50, context: 'Problem' });
    });
  });

  it('writes no email, password, token, body or query value in any line', async () => {
    await app.http().post('/auth/sign-in').send({ email, password: 'a wrong password entirely' });
    const everything = raw.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [email, password, 'a wrong password entirely', accessToken, 'Zebediah', 'limit=7', 'ada@example.com', 'Logged practice']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/Bearer|authorization/i);
  });

  it('keeps the request id in the metadata of the events the request appends', async () => {
    const response = await app.http().post('/practices').set('Authorization', `Bearer ${accessToken}`).set('X-Request-Id', 'practice.2').send({ name: 'Second' });
    expect(response.status).toBe(201);
    const events = await app.runtime.eventStore.readStream(`practice-${response.body.practiceId}`);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((event) => event.metadata.requestId)).toEqual(events.map(() => 'practice.2'));
    const made = await app.http().post('/practices').set('Authorization', `Bearer ${accessToken}`).send({ name: 'Third' });
    const [first] = await app.runtime.eventStore.readStream(`practice-${made.body.practiceId}`);
    expect(first.metadata.requestId).toBe(made.headers['x-request-id']);
  });
});
