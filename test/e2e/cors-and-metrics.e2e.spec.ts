import { startMetricsServer, type MetricsServer } from '../../apps/command-api/src/bootstrap/metrics-server';
import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

const ALLOWED = 'https://app.example.com';

const preflight = (app: TestApp, path: string, origin: string) =>
  app
    .http()
    .options(path)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key');

describe('CORS (CORS_ORIGINS)', () => {
  describe('unset: closed', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp()));
    afterAll(async () => app.destroy());

    it.each([ALLOWED, 'https://evil.example'])('gives %s no Access-Control-Allow-Origin, preflight or not', async (origin) => {
      const simple = await app.http().get('/health').set('Origin', origin);
      expect(simple.status).toBe(200);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const answer = await preflight(app, '/auth/sign-up', origin);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-methods']).toBeUndefined();
    });
  });

  describe(`set to ${ALLOWED}`, () => {
    let app: TestApp;
    let auth: { Authorization: string };
    let practiceId: string;
    beforeAll(async () => {
      app = await startTestApp(undefined, { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` });
      ({ auth } = await signedInUser(app));
      practiceId = await createdPractice(app, auth);
    });
    afterAll(async () => app.destroy());

    it('answers a preflight from the allowed origin with the methods and headers, and nothing else runs', async () => {
      const before = await app.runtime.eventStore.headPosition();
      const answer = await preflight(app, `/practices/${practiceId}/clients`, ALLOWED);
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(answer.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
      const allowedHeaders = answer.headers['access-control-allow-headers'].split(', ');
      expect(allowedHeaders).toEqual(
        expect.arrayContaining(['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Consistency-Token', 'X-Request-Id']),
      );
      expect(answer.headers['access-control-max-age']).toBe('600');
      expect(answer.headers.vary).toContain('Origin');
      expect(await app.runtime.eventStore.headPosition()).toBe(before);
    });

    it('lets the allowed origin read ETag, Location, X-Consistency-Token, X-Request-Id and Retry-After', async () => {
      const created = await app.http().post(`/practices/${practiceId}/clients`).set(auth).set('Origin', ALLOWED).send({ firstName: 'Cor', lastName: 'S' });
      expect(created.status).toBe(201);
      expect(created.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(created.headers['access-control-expose-headers'].split(', ')).toEqual(
        expect.arrayContaining(['ETag', 'Location', 'X-Consistency-Token', 'X-Request-Id', 'Retry-After']),
      );
      expect(created.headers.vary).toBe('Origin');
    });

    it('puts the headers on errors too', async () => {
      const refused = await app.http().get('/me').set('Origin', ALLOWED);
      expect(refused.status).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBe(ALLOWED);
    });

    it('gives another origin nothing, and its preflight no CORS answer', async () => {
      const simple = await app.http().get('/health').set('Origin', 'https://evil.example');
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const answer = await preflight(app, `/practices/${practiceId}/clients`, 'https://evil.example');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-methods']).toBeUndefined();
      // The ordinary OPTIONS answer of a known path: its methods, for the API's own clients.
      expect(answer.status).toBe(204);
      expect(answer.headers.allow).toBe('GET, HEAD, OPTIONS, POST');
    });
  });
});

describe('Metrics (METRICS_PORT, apart from the API)', () => {
  let app: TestApp;
  let metrics: MetricsServer;
  beforeAll(async () => {
    app = await startTestApp();
    metrics = await startMetricsServer(app.runtime, { host: app.runtime.config.metricsHost, port: 0 });
  });
  afterAll(async () => {
    await metrics.close();
    await app.destroy();
  });

  it('is not on the API port', async () => {
    const response = await app.http().get('/metrics');
    expect(response.status).toBe(404);
    expect(response.text).not.toMatch(/projector_lag_events/);
  });

  it('listens on 127.0.0.1 by default', () => {
    expect(app.runtime.config.metricsHost).toBe('127.0.0.1');
    expect(app.runtime.config.metricsPort).toBe(9464);
    expect(metrics.host).toBe('127.0.0.1');
  });

  it('serves the projection lag as Prometheus text, and /health', async () => {
    const base = `http://127.0.0.1:${metrics.port}`;
    const text = await fetch(`${base}/metrics`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    const body = await text.text();
    expect(body).toMatch(/^projector_lag_events \d+$/m);
    expect(body).toMatch(/^projector_parked_events \d+$/m);
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', projector: { lag: { eventsBehind: expect.any(Number) } } });
  });

  it('answers nothing else', async () => {
    const base = `http://127.0.0.1:${metrics.port}`;
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/docs`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
