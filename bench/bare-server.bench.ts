import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { TokenService } from '../apps/command-api/src/infrastructure/token-service';
import { newDataDir } from './bench-support';
import { spawnServer } from './load-server';
import { call, createClientsLoad, type LoadResult } from './load';

/**
 * CreateClient without an email against the bare server (bench/bare-server.js), the same load as the
 * service's, the server measured the same way: plain `node` in its own process (its CPU from /proc;
 * BENCH_PROFILE=<dir>: its profile cut to the load, <dir>/bare-create.cpuprofile). It checks tokens with
 * the service's compiled TokenService, so the build is made current first (no compile when it is).
 */
export const benchBareServer = async (commands: number, concurrency: number): Promise<LoadResult> => {
  const root = join(__dirname, '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'start.js'), '--check'], { cwd: root, stdio: 'inherit' });
  const secret = randomUUID() + randomUUID();
  const token = new TokenService(secret, 3600).issue({ userId: randomUUID(), credentialVersion: 1 });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const ready = async () => (await call(port, 'POST', '/practices/x/clients', {})).status === 400;
  const server = await spawnServer([join(__dirname, 'bare-server.js'), String(port), newDataDir(), secret], process.env, ready);
  let result: LoadResult | undefined;
  try {
    result = await createClientsLoad(port, randomUUID(), token, commands, concurrency, 'no-email', 0, server);
    return result;
  } finally {
    await server.stop(result ? [{ name: 'bare-create', fromNs: result.fromNs, toNs: result.toNs }] : []);
  }
};
