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
  /** CPU seconds of the serving process (its own, not the bench's) per wall second of the load: 1.0 = one core. */
  readonly serverCpuShare: number;
  /** The same for the server's main thread alone (its event loop), when the server is a process of its own. */
  readonly mainThreadCpuShare: number;
  /** When the measured load ran (monotonic clock, ns): the stretch of the server's profile it cut out. */
  readonly fromNs: bigint;
  readonly toNs: bigint;
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
 * warm-up of 500 (JIT, prepared statements, connections). The server runs in a third process; its CPU
 * is read from /proc.
 */
export const createClientsLoad = async (
  port: number,
  practiceId: string,
  token: string,
  commands: number,
  concurrency: number,
  mode: CreateMode,
  offset: number,
  server: { cpuSeconds(): number; mainThreadCpuSeconds(): number },
): Promise<LoadResult> => {
  await runChild(port, practiceId, token, Math.min(500, commands), concurrency, offset + 1_000_000, mode);
  const cpuBefore = server.cpuSeconds();
  const mainBefore = server.mainThreadCpuSeconds();
  const fromNs = process.hrtime.bigint();
  const { seconds, failures, latencies } = await runChild(port, practiceId, token, commands, concurrency, offset, mode);
  const toNs = process.hrtime.bigint();
  const cpu = server.cpuSeconds() - cpuBefore;
  const main = server.mainThreadCpuSeconds() - mainBefore;
  return {
    commands,
    seconds,
    commandsPerSecond: commands / seconds,
    latency: latencySummary(latencies),
    failures,
    serverCpuShare: cpu / seconds,
    mainThreadCpuShare: main / seconds,
    fromNs,
    toNs,
  };
};
