import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { healthReport, readModelMetrics, type ProjectionSources } from '../health/projection-status';
import { problem, type Problem } from '../http/problem';
import type { Runtime } from './runtime';

export interface MetricsServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

const HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

const answer = (response: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void =>
  void response.writeHead(status, { ...HEADERS, ...headers, 'content-type': type }).end(body);

const PROBLEM = 'application/problem+json';
const problemAnswer = (response: http.ServerResponse, body: Problem, path: string, headers: Record<string, string> = {}): void =>
  answer(response, body.status, PROBLEM, JSON.stringify({ ...body, instance: path }), headers);

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
    if (path !== '/metrics' && path !== '/health') return problemAnswer(response, problem('NotFound', `No ${path} here: /metrics and /health`), path);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return problemAnswer(response, problem('MethodNotAllowed', `${request.method} is not served here: use GET`), path, { allow: 'GET, HEAD' });
    }
    void (async () => {
      if (path === '/metrics') return answer(response, 200, 'text/plain; version=0.0.4', await readModelMetrics(sources));
      const report = await healthReport(sources);
      if (!report.ok) return problemAnswer(response, report.problem, path);
      answer(response, 200, 'application/json', JSON.stringify(report.body));
    })().catch(() => problemAnswer(response, problem('ReadStoreUnavailable', 'The read models or the event store cannot be reached'), path));
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
