import request from 'supertest';
import { startMetricsServer, type MetricsServer } from '../../apps/command-api/src/bootstrap/metrics-server';
import { startTestApp, signedInUser, type TestApp } from '../support/test-app';

/** /health says ok while the embedded projector runs, and 503 naming why once it has stopped. */
describe('GET /health (embedded projector)', () => {
  let app: TestApp;
  let metrics: MetricsServer;
  const metricsHttp = () => request(`http://${metrics.host}:${metrics.port}`);

  beforeAll(async () => {
    app = await startTestApp();
    metrics = await startMetricsServer(app.runtime, { host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await metrics.close();
    await app.destroy();
  });

  it('answers 200 ok while the projector runs', async () => {
    const response = await app.http().get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', projector: { running: true } });
  });

  it('answers 503 ProjectorStopped with the reason once the projector has stopped', async () => {
    const readStore = app.runtime.readStore;
    readStore.setCheckpoint = async () => {
      throw new Error('read store unreachable');
    };
    await signedInUser(app); // appends: the projector's next batch fails on its checkpoint
    let response = await app.http().get('/health');
    for (let i = 0; i < 200 && response.status === 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      response = await app.http().get('/health');
    }
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      code: 'ProjectorStopped',
      title: 'Projector stopped',
      status: 503,
      instance: '/health',
      reason: 'Error: read store unreachable',
      projector: { running: false, stopped: { reason: 'Error: read store unreachable' } },
    });
    expect(response.body.detail).toContain('read store unreachable');

    // The same answer on METRICS_PORT, where a scraper or an orchestrator looks.
    const onMetricsPort = await metricsHttp().get('/health');
    expect(onMetricsPort.status).toBe(503);
    expect(onMetricsPort.body).toMatchObject({ code: 'ProjectorStopped', reason: 'Error: read store unreachable', instance: '/health' });
  });
});
