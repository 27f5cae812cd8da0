import type { AddressInfo } from 'node:net';
import { batchedDestination } from '@practice/engines';
import { loadConfig } from '../apps/command-api/src/config';
import { createRuntime } from '../apps/command-api/src/bootstrap/runtime';
import { createApp } from '../apps/command-api/src/bootstrap/create-app';
import { newDataDir } from './bench-support';
import { profiledInto } from './cpu-profile';
import { call, createClientsLoad, type LoadResult } from './load';

export interface HttpBenchResult {
  readonly concurrency: number;
  /** With an email: a reservation append and a chart append. */
  readonly withEmail: LoadResult;
  /** Without an email: the chart append alone. */
  readonly withoutEmail: LoadResult;
}

/**
 * BENCH_PROFILE=<dir>: a CPU profile of this process (the server; the load is another process) during
 * one load, written as <dir>/<name>.cpuprofile (open it in Chrome's DevTools or speedscope).
 */
const profiled = <T>(name: string, run: () => Promise<T>): Promise<T> => profiledInto(process.env.BENCH_PROFILE, name, run);

/** CreateClient through HTTP, Nest and the command bus, with and then without an email, on one server. */
export const benchHttpCreateClient = async (commands: number, concurrency: number): Promise<HttpBenchResult> => {
  const dataDir = newDataDir();
  // Logs as in production (an access line per request, at info, through the destination the service
  // writes stdout with), written where they cost what a file does.
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
  const runtime = await createRuntime(config);
  const app = await createApp(runtime, { logDestination: batchedDestination('/dev/null') });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  try {
    const email = `bench-${Date.now()}@example.com`;
    await call(port, 'POST', '/auth/sign-up', { email, password: 'a long bench password', firstName: 'Bench', lastName: 'User' });
    const { accessToken } = JSON.parse((await call(port, 'POST', '/auth/sign-in', { email, password: 'a long bench password' })).body);
    const auth = { authorization: `Bearer ${accessToken}` };
    const { practiceId } = JSON.parse((await call(port, 'POST', '/practices', { name: 'Bench practice' }, auth)).body);
    const withEmail = await profiled('create-with-email', () => createClientsLoad(port, practiceId, accessToken, commands, concurrency, 'email', 0));
    const withoutEmail = await profiled('create-without-email', () =>
      createClientsLoad(port, practiceId, accessToken, commands, concurrency, 'no-email', 2_000_000),
    );
    return { concurrency, withEmail, withoutEmail };
  } finally {
    await app.close();
    await runtime.close();
  }
};
