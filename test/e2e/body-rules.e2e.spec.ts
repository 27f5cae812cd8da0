import { type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/**
 * What a body must be before any route reads it: JSON (415), an object (400 JsonObjectRequired), at
 * most 32 levels deep (400 BodyTooDeep), without prototype keys or lone surrogates (400 naming the
 * field). Each is a problem+json answer that appends nothing, on every route with a body.
 */
describe('Body rules (embedded default)', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  let clientId: string;
  let bodyRoutes: { method: string; path: string }[];

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
    clientId = (await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Body', lastName: 'Rules' })).body.clientId;
    const openApi = (await app.http().get('/docs/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    bodyRoutes = Object.entries(openApi.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody)
        .map(([method]) => ({ method, path: path.replace('{practiceId}', practiceId).replace(/\{[^}]+\}/g, clientId) })),
    );
  });

  afterAll(async () => app.destroy());

  const send = (method: string, path: string, body: string, contentType = 'application/json') =>
    (app.http() as any)[method](path).set(auth).set('Content-Type', contentType).send(body);

  /** Every body route answers the same refusal, and the log does not move. */
  const expectEveryRouteRefuses = async (body: string, status: number, code: string, contentType?: string) => {
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(25);
    const before = await app.runtime.eventStore.headPosition();
    const wrong: string[] = [];
    for (const { method, path } of bodyRoutes) {
      const response = await send(method, path, body, contentType);
      const ok = response.status === status && response.body.code === code && /^application\/problem\+json/.test(response.headers['content-type']);
      if (!ok) wrong.push(`${method.toUpperCase()} ${path} -> ${response.status} ${response.body?.code}`);
    }
    expect(wrong).toEqual([]);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  };

  it('refuses a body nested 3,000 levels deep with 400 BodyTooDeep on every route', async () => {
    await expectEveryRouteRefuses(`${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, 400, 'BodyTooDeep');
  });

  it('refuses a text/plain body with 415 on every route', async () => {
    await expectEveryRouteRefuses('{"firstName":"A","lastName":"B"}', 415, 'UnsupportedMediaType', 'text/plain');
  });

  it('refuses the body null (and any non-object) saying a JSON object is required', async () => {
    await expectEveryRouteRefuses('null', 400, 'JsonObjectRequired');
    const text = await send('post', `/practices/${practiceId}/clients`, '"text"');
    expect(text.body).toMatchObject({ status: 400, code: 'JsonObjectRequired' });
    const list = await send('post', `/practices/${practiceId}/clients`, '[]');
    expect(list.body).toMatchObject({ status: 400, code: 'JsonObjectRequired' });
  });

  describe('prototype keys', () => {
    it.each([
      ['top level __proto__', '{"firstName":"A","lastName":"B","__proto__":{"isAdmin":true}}', '__proto__'],
      ['top level constructor', '{"firstName":"A","lastName":"B","constructor":{"prototype":{"x":1}}}', 'constructor'],
      ['top level prototype', '{"firstName":"A","lastName":"B","prototype":1}', 'prototype'],
    ])('refuses %s with 400 naming the key and creates nothing', async (_, body, field) => {
      const before = await app.runtime.eventStore.headPosition();
      const response = await send('post', `/practices/${practiceId}/clients`, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await app.runtime.eventStore.headPosition()).toBe(before);
    });

    it('refuses them nested too', async () => {
      const body = JSON.stringify({ firstName: 'A', lastName: 'B', contacts: [{ relationship: 'mother', billing: true }] }).replace(
        '"billing":true',
        '"billing":true,"new":{"firstName":"C","lastName":"D","__proto__":{"x":1}}',
      );
      const response = await send('post', `/practices/${practiceId}/clients/minors`, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('contacts.0.new.__proto__');
    });
  });

  describe('a lone UTF-16 surrogate', () => {
    const lone = '\\ud800';
    it.each([
      ['sign-up', 'post', () => '/auth/sign-up', `{"email":"${lone}","password":"correct horse battery","firstName":"A","lastName":"B"}`],
      ['create client', 'post', () => `/practices/${practiceId}/clients`, `{"firstName":"A","lastName":"B","email":"${lone}"}`],
      ['client profile', 'put', () => `/practices/${practiceId}/clients/${clientId}/profile`, `{"firstName":"A","lastName":"B","email":"${lone}"}`],
      ['contacts', 'post', () => `/practices/${practiceId}/contacts`, `{"firstName":"A","lastName":"B","email":"${lone}"}`],
      ['invitations', 'post', () => `/practices/${practiceId}/invitations`, `{"email":"${lone}","role":"clinician"}`],
      ['any string field', 'post', () => `/practices/${practiceId}/clients`, `{"firstName":"A${lone}","lastName":"B"}`],
    ])('on %s is a 400 naming the field', async (_, method, path, body) => {
      const before = await app.runtime.eventStore.headPosition();
      const response = await send(method, path(), body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const field = body.includes(`"email":"${lone}"`) ? 'email' : 'firstName';
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await app.runtime.eventStore.headPosition()).toBe(before);
    });
  });
});
