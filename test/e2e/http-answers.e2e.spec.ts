import { type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/** Methods (405 with Allow) and the headers every answer carries (nosniff, no-store). */
describe('HTTP answers (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  let clientId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
    clientId = (await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Head', lastName: 'Ers' })).body.clientId;
  });

  afterAll(async () => app.destroy());

  describe('a wrong method', () => {
    it.each([
      ['get', 'sign-in', () => '/auth/sign-in', 'OPTIONS, POST'],
      ['patch', 'the client list', () => `/practices/${practiceId}/clients`, 'GET, HEAD, OPTIONS, POST'],
      ['post', 'a chart', () => `/practices/${practiceId}/charts/${clientId}`, 'GET, HEAD, OPTIONS'],
      ['delete', 'my notifications', () => '/me/notifications', 'OPTIONS, PUT'],
    ])('%s on %s is 405 with Allow, and appends nothing', async (method, _, path, allow) => {
      const before = await app.runtime.eventStore.headPosition();
      const response = await (app.http() as any)[method](path()).set(auth);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 405, code: 'MethodNotAllowed' });
      expect(await app.runtime.eventStore.headPosition()).toBe(before);
    });

    it('is still 404 on a path no route has', async () => {
      expect((await app.http().post('/nowhere').set(auth)).status).toBe(404);
    });

    it('OPTIONS lists the methods of the path', async () => {
      const response = await app.http().options(`/practices/${practiceId}/clients`);
      expect(response.status).toBe(204);
      expect(response.headers.allow).toBe('GET, HEAD, OPTIONS, POST');
    });
  });

  describe('headers of every answer', () => {
    const calls: [string, () => any][] = [
      ['sign-up', () => app.http().post('/auth/sign-up').send({ email: `h.${Date.now()}@example.com`, password: 'correct horse battery', firstName: 'A', lastName: 'B' })],
      ['sign-in', () => app.http().post('/auth/sign-in').send({ email: 'nobody@example.com', password: 'whatever it is' })],
      ['the chart document', () => app.http().get(`/practices/${practiceId}/charts/${clientId}`).set(auth)],
      ['the client list', () => app.http().get(`/practices/${practiceId}/clients`).set(auth)],
      ['a command', () => app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'C', lastName: 'D' })],
      ['a validation error', () => app.http().post(`/practices/${practiceId}/clients`).set(auth).send({})],
      ['a body error', () => app.http().post(`/practices/${practiceId}/clients`).set(auth).set('Content-Type', 'application/json').send('{')],
      ['401', () => app.http().get('/me')],
      ['404', () => app.http().get('/nowhere')],
      ['405', () => app.http().get('/auth/sign-in')],
      ['health', () => app.http().get('/health')],
      ['a malformed URL', () => app.http().get('/practices/%E0%A4%A/clients').set(auth)],
    ];

    it.each(calls)('%s: nosniff, Cache-Control no-store and X-Request-Id', async (_, call) => {
      const response = await call();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('a malformed URL is a 400 problem', async () => {
      const response = await app.http().get('/practices/%E0%A4%A/clients').set(auth);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, code: 'BadRequest' });
    });

    it('the public documentation: nosniff', async () => {
      const response = await app.http().get('/docs/openapi.json');
      expect(response.status).toBe(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
