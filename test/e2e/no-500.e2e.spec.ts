import { type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/**
 * A client's mistake is never a 500: every route of the OpenAPI document, called by a signed-in owner
 * with malformed bodies and odd ids, answers 4xx (or 2xx) problem+json, never 5xx.
 */
describe('No route answers 5xx to malformed requests', () => {
  // Grows with the routes (every operation x ids x bodies): ~110 s alone on a shared 2-core machine.
  jest.setTimeout(300_000);
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  let clientId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
    clientId = (await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Fuzz', lastName: 'Target' })).body.clientId;
  });

  afterAll(async () => app.destroy());

  // Raw JSON texts, so keys like __proto__ reach the server as sent.
  const bodies: string[] = [
    '{}',
    '[]',
    '"text"',
    '42',
    'null',
    JSON.stringify({ firstName: {}, lastName: [], email: 7, name: { $gt: '' }, role: 'emperor', start: 'yesterday', durationMinutes: -5 }),
    JSON.stringify({ practiceId: '../../etc/passwd', userId: 'x'.repeat(500), contacts: [{}], members: 'all', tags: [null] }),
    '{"firstName":"A","lastName":"B","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  ];
  const ids = (): string[] => ['not-a-uuid', '00000000-0000-4000-8000-000000000000', clientId, '%00', 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ'];

  /** Each body plainly, and once more with malformed headers (and query, for reads). */
  const variants = (method: string): ReadonlyArray<[string | undefined, boolean]> =>
    (method === 'get' || method === 'delete' ? [undefined] : bodies).flatMap((body) => [[body, false], [body, true]] as Array<[string | undefined, boolean]>);

  const fill = (path: string, id: string): string =>
    path.replace('{practiceId}', practiceId).replace(/\{[^}]+\}/g, encodeURIComponent(id));

  it('holds for every operation', async () => {
    const openApi = (await app.http().get('/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(openApi.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));
    expect(operations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const { path, method } of operations) {
      for (const id of ids()) {
        for (const [body, junkHeaders] of variants(method)) {
          const url = fill(path, id) + (junkHeaders && method === 'get' ? '?limit=-1&cursor=%ZZ&status[$ne]=x' : '');
          let call = (app.http() as unknown as Record<string, (u: string) => any>)[method](url).set(auth);
          if (junkHeaders) call = call.set('If-Match', 'W/"x"').set('Idempotency-Key', ' ').set('X-Consistency-Token', '-1');
          if (body !== undefined) call = call.set('Content-Type', 'application/json').send(body as string);
          const response = await call;
          if (response.status >= 500) failures.push(`${method.toUpperCase()} ${path} [${id}] ${body} -> ${response.status} ${response.body?.code}`);
          else if (response.status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
