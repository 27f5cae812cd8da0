import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { newDataDir } from './bench-support';
import { spawnServer } from './load-server';
import { call, createClientsLoad, type LoadResult } from './load';

export interface HttpBenchResult {
  readonly concurrency: number;
  /** With an email: a reservation append and a chart append. */
  readonly withEmail: LoadResult;
  /** Without an email: the chart append alone. */
  readonly withoutEmail: LoadResult;
}

const root = join(__dirname, '..');

/**
 * CreateClient through HTTP, Nest and the command bus, with and then without an email, on one server
 * started as `npm start` starts it in production: `node scripts/start.js` (the compiled build, made
 * current first so no compile step runs) in its own process, on a fresh DATA_DIR, logging at `info`
 * (an access line per request) to its stdout, which is /dev/null. The load runs in a third process; the
 * server's CPU is read from /proc. BENCH_PROFILE=<dir>: the server runs under `node --cpu-prof`, and its
 * profile is cut to each measured load: <dir>/create-with-email.cpuprofile, create-without-email.cpuprofile.
 */
export const benchHttpCreateClient = async (commands: number, concurrency: number): Promise<HttpBenchResult> => {
  execFileSync(process.execPath, [join(root, 'scripts', 'start.js'), '--check'], { cwd: root, stdio: 'inherit' });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const env = { ...process.env, DATA_DIR: newDataDir(), PORT: String(port), METRICS_PORT: String(port + 1), LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' };
  const server = await spawnServer([join(root, 'scripts', 'start.js')], env, async () => (await call(port, 'GET', '/health')).status === 200);
  let withEmail: LoadResult | undefined;
  let withoutEmail: LoadResult | undefined;
  try {
    const email = `bench-${Date.now()}@example.com`;
    await call(port, 'POST', '/auth/sign-up', { email, password: 'a long bench password', firstName: 'Bench', lastName: 'User' });
    const { accessToken } = JSON.parse((await call(port, 'POST', '/auth/sign-in', { email, password: 'a long bench password' })).body);
    const auth = { authorization: `Bearer ${accessToken}` };
    const { practiceId } = JSON.parse((await call(port, 'POST', '/practices', { name: 'Bench practice' }, auth)).body);
    withEmail = await createClientsLoad(port, practiceId, accessToken, commands, concurrency, 'email', 0, server);
    withoutEmail = await createClientsLoad(port, practiceId, accessToken, commands, concurrency, 'no-email', 2_000_000, server);
    return { concurrency, withEmail, withoutEmail };
  } finally {
    await server.stop([
      ...(withEmail ? [{ name: 'create-with-email', fromNs: withEmail.fromNs, toNs: withEmail.toNs }] : []),
      ...(withoutEmail ? [{ name: 'create-without-email', fromNs: withoutEmail.fromNs, toNs: withoutEmail.toNs }] : []),
    ]);
  }
};
