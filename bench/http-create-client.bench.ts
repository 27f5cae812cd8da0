import http from 'node:http';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../apps/command-api/src/config';
import { createRuntime } from '../apps/command-api/src/bootstrap/runtime';
import { createApp } from '../apps/command-api/src/bootstrap/create-app';
import { newDataDir } from './bench-support';
import { latencySummary, type LatencySummary } from './bench-support';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Reply {
  readonly status: number;
  readonly body: string;
}

const call = (port: number, method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<Reply> =>
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
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });

interface LoadResult {
  readonly seconds: number;
  readonly failures: number;
  readonly latencies: number[];
}

/** The load runs in a child process: on 2 cores, a client sharing the server's event loop halves it. */
const runLoad = (port: number, practiceId: string, token: string, commands: number, concurrency: number, offset: number) =>
  new Promise<LoadResult>((resolve, reject) => {
    execFile(
      process.execPath,
      [join(__dirname, 'load-client.js'), String(port), practiceId, token, String(commands), String(concurrency), String(offset)],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as LoadResult)),
    );
  });

export interface HttpBenchResult {
  readonly commands: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly commandsPerSecond: number;
  readonly latency: LatencySummary;
  readonly failures: number;
  /** Server CPU seconds per wall second during the run (1.0 = one core busy all the time). */
  readonly serverCpuShare: number;
}

/** CreateClient (with an email, so two appends each) through HTTP, Nest and the command bus. */
export const benchHttpCreateClient = async (commands: number, concurrency: number): Promise<HttpBenchResult> => {
  const dataDir = newDataDir();
  // Logs as in production (an access line per request, at info), written where they cost what a file does.
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
  const runtime = await createRuntime(config);
  const app = await createApp(runtime, { logDestination: pino.destination({ dest: '/dev/null', sync: false }) });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  try {
    const email = `bench-${Date.now()}@example.com`;
    await call(port, 'POST', '/auth/sign-up', { email, password: 'a long bench password', firstName: 'Bench', lastName: 'User' });
    const { accessToken } = JSON.parse((await call(port, 'POST', '/auth/sign-in', { email, password: 'a long bench password' })).body);
    const auth = { authorization: `Bearer ${accessToken}` };
    const { practiceId } = JSON.parse((await call(port, 'POST', '/practices', { name: 'Bench practice' }, auth)).body);

    const load = (count: number, offset: number) => runLoad(port, practiceId, accessToken, count, concurrency, offset);
    await load(Math.min(500, commands), 1_000_000); // warm-up: JIT, prepared statements, connections
    const cpuBefore = process.cpuUsage();
    const { seconds, failures, latencies } = await load(commands, 0);
    const cpu = process.cpuUsage(cpuBefore);
    return {
      commands,
      concurrency,
      seconds,
      commandsPerSecond: commands / seconds,
      latency: latencySummary(latencies),
      failures,
      serverCpuShare: (cpu.user + cpu.system) / 1e6 / seconds,
    };
  } finally {
    await app.close();
    await runtime.close();
    agent.destroy();
  }
};
