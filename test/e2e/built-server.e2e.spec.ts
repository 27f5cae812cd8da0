import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startBuiltProcess, waitForHttp, type RunningProcess } from '../support/processes';

const ROOT = join(__dirname, '..', '..');

/**
 * What `npm start` runs: the TypeScript build, then the compiled server from dist/. The other suites
 * run the sources; this one proves the compiled output starts and serves (e.g. nothing it reads at
 * start is looked for where only the sources have it).
 */
describe('the built server (npm start)', () => {
  let server: RunningProcess;
  let base: string;
  let dataDir: string;

  beforeAll(async () => {
    // What `npm run build` runs: the compiler, then tsc-alias to turn the @practice/* paths into relative requires.
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    dataDir = mkdtempSync(join(tmpdir(), 'practice-core-built-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startBuiltProcess('dist/apps/command-api/src/main.js', { PORT: String(port), DATA_DIR: dataDir, METRICS_PORT: '0', LOG_LEVEL: 'info' });
    await waitForHttp(`${base}/health`, server);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves health, the OpenAPI document with the package version, and a sign-up', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const document = (await (await fetch(`${base}/docs/openapi.json`)).json()) as { info: { version: string } };
    expect(document.info.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const signUp = await fetch(`${base}/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'built@example.com', password: 'correct horse battery', firstName: 'Built', lastName: 'Server' }),
    });
    expect(signUp.status).toBe(201);
    // The start-up line names the runtime (a JSON log line: not a terminal).
    expect(server.output()).toContain(`"node":"${process.version}"`);
  });
});
