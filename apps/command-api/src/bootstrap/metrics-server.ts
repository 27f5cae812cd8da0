import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readModelLag, readModelMetrics, type ProjectionSources } from '../health/projection-status';
import type { Runtime } from './runtime';

export interface MetricsServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

const HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

const answer = (response: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void =>
  void response.writeHead(status, { ...HEADERS, ...headers, 'content-type': type }).end(body);

const notFound = JSON.stringify({ type: 'urn:practice-core:problem:NotFound', title: 'Not found', status: 404, code: 'NotFound' });

/**
 * /metrics (Prometheus text) and /health of the API on their own port, apart from the API's: the
 * figures say how busy the practice is, so they are not public. Bound to 127.0.0.1 unless METRICS_HOST
 * says otherwise (a scraper on a private network), like the projector process's PROJECTOR_PORT.
 */
export const startMetricsServer = async (
  runtime: Runtime,
  where: { readonly host: string; readonly port: number } = { host: runtime.config.metricsHost, port: runtime.config.metricsPort },
): Promise<MetricsServer> => {
  const sources: ProjectionSources = { events: runtime.eventStore, readStore: runtime.readStore, projector: runtime.projector };
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' && path !== '/health') return answer(response, 404, 'application/problem+json', notFound);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const body = JSON.stringify({ type: 'urn:practice-core:problem:MethodNotAllowed', title: 'Use GET', status: 405, code: 'MethodNotAllowed' });
      return answer(response, 405, 'application/problem+json', body, { allow: 'GET, HEAD' });
    }
    void (async () => {
      if (path === '/metrics') return answer(response, 200, 'text/plain; version=0.0.4', await readModelMetrics(sources));
      const lag = await readModelLag(sources);
      const health = { status: 'ok', eventStore: { headPosition: lag.headPosition }, projector: { ...runtime.projector?.status(), lag } };
      answer(response, 200, 'application/json', JSON.stringify(health));
    })().catch(() => {
      const body = JSON.stringify({ type: 'urn:practice-core:problem:Unavailable', title: 'The stores are unavailable', status: 503, code: 'Unavailable' });
      answer(response, 503, 'application/problem+json', body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    host: address.address,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
