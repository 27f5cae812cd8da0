import http from 'node:http';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { latencySummary, type LatencySummary } from './bench-support';

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** One request from the bench process itself (set-up and the sequential read probes). */
export const call = (port: number, method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });

export type CreateMode = 'email' | 'no-email';

interface LoadOutput {
  readonly seconds: number;
  readonly failures: number;
  readonly latencies: number[];
}

export interface LoadResult {
  readonly commands: number;
  readonly seconds: number;
  readonly commandsPerSecond: number;
  readonly latency: LatencySummary;
  readonly failures: number;
  /** CPU seconds of the serving process (this one) per wall second of the load: 1.0 = one core. */
  readonly serverCpuShare: number;
}

/** The load runs in a child process: on 2 cores, a client sharing the server's event loop halves it. */
const runChild = (port: number, practiceId: string, token: string, commands: number, concurrency: number, offset: number, mode: CreateMode) =>
  new Promise<LoadOutput>((resolve, reject) => {
    execFile(
      process.execPath,
      [join(__dirname, 'load-client.js'), String(port), practiceId, token, String(commands), String(concurrency), String(offset), mode],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as LoadOutput)),
    );
  });

/**
 * POST /practices/{practiceId}/clients `commands` times at `concurrency` from a child process, after a
 * warm-up of 500 (JIT, prepared statements, connections). The server runs in this process.
 */
export const createClientsLoad = async (
  port: number,
  practiceId: string,
  token: string,
  commands: number,
  concurrency: number,
  mode: CreateMode,
  offset: number,
): Promise<LoadResult> => {
  await runChild(port, practiceId, token, Math.min(500, commands), concurrency, offset + 1_000_000, mode);
  const cpuBefore = process.cpuUsage();
  const { seconds, failures, latencies } = await runChild(port, practiceId, token, commands, concurrency, offset, mode);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    commands,
    seconds,
    commandsPerSecond: commands / seconds,
    latency: latencySummary(latencies),
    failures,
    serverCpuShare: (cpu.user + cpu.system) / 1e6 / seconds,
  };
};
