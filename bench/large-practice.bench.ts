import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newDataDir, latencySummary, type LatencySummary } from './bench-support';
import { call } from './load';
import { seedLargePractice, type SeededPractice } from './large-practice-seed';

export interface LargePracticeResult {
  readonly seed: SeededPractice;
  /** From spawning `node scripts/start.js` (what `npm start` runs) to the list answering with every event applied. */
  readonly restartSeconds: number;
  /** CPU seconds the server used until serving: on a shared machine the wall time above includes waiting for a core. */
  readonly restartCpuSeconds: number;
  readonly queries: Readonly<Record<string, LatencySummary>>;
  /** Read-your-writes: a create's answer, then the list with its consistency token, until it shows the client. */
  readonly readYourWrites: LatencySummary;
  readonly rssMb: number;
  readonly peakRssMb: number;
  /** The same server stopped (a snapshot written at shutdown) and started again: it loads the snapshot. */
  readonly snapshot: {
    readonly restartSeconds: number;
    readonly restartCpuSeconds: number;
    readonly shutdownSeconds: number;
    readonly snapshotMb: number;
    readonly rssMb: number;
    readonly peakRssMb: number;
  };
}

const root = join(__dirname, '..');
/** How long after a start from a snapshot serves its memory is read (its background decoding took 4–6 s at 100,000 clients). */
const SNAPSHOT_SETTLE_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const memoryOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
};

/** User + system CPU seconds of a process so far (clock ticks of 1/100 s, as Linux reports them). */
const cpuSecondsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const probe = async (samples: number, fn: (i: number) => Promise<unknown>): Promise<LatencySummary> => {
  for (let i = 0; i < Math.min(20, samples); i += 1) await fn(i); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < samples; i += 1) latencies.push(await timed(() => fn(i)));
  return latencySummary(latencies);
};

const expectOk = (path: string) => (reply: { status: number; body: string }) => {
  if (reply.status !== 200) throw new Error(`bench: ${path} answered ${reply.status} ${reply.body.slice(0, 300)}`);
  return JSON.parse(reply.body) as { items: { clientId: string; lastName: string }[]; nextCursor: string | null };
};

/**
 * P3-P6 on one large practice: seeds it (straight into the log of a fresh DATA_DIR), starts the
 * service as `npm start` does on that DATA_DIR in its own process, and measures the start until it
 * serves everything, the list's reads, read-your-writes and the server's resident memory.
 */
export const benchLargePractice = async (clients: number, events: number, samples: number): Promise<LargePracticeResult> => {
  // The build is made current first (as a deploy would), so the restart below measures no compile step.
  execFileSync(process.execPath, [join(root, 'scripts', 'start.js'), '--check'], { cwd: root, stdio: 'inherit' });
  const seed = await seedLargePractice(newDataDir(), clients, events);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const first = await startServing(seed, port);
  const { restartSeconds, restartCpuSeconds } = first;
  let server = first.server;
  try {
    const headers = first.auth;
    const p = `/practices/${seed.practiceId}/clients`;
    const get = (query: string) => call(port, 'GET', `${p}?${query}`, undefined, headers).then(expectOk(query));

    // A cursor half-way through the practice, reached by walking it a page of 500 at a time.
    let deepCursor = '';
    for (let seen = 0; seen < seed.clients / 2; seen += 500) {
      const page = await get(`limit=500${deepCursor ? `&cursor=${deepCursor}` : ''}`);
      if (!page.nextCursor) break;
      deepCursor = page.nextCursor;
    }
    const prefixes = ['gra', 'lov', 'hop', 'tur', 'ada', 'kn', 'ham', 'per', 'wil', 'mar', 'dij', 'lisk'];
    const queries: Record<string, LatencySummary> = {
      'first page': await probe(samples, () => get('limit=50')),
      'status filter': await probe(samples, () => get('status=Active&limit=50')),
      'tag filter': await probe(samples, (i) => get(`tag=${seed.tagIds[i % seed.tagIds.length]}&limit=50`)),
      'name prefix search': await probe(samples, (i) => get(`search=${prefixes[i % prefixes.length]}&limit=50`)),
      'email prefix search': await probe(samples, (i) => get(`search=${['grace.h', 'ada.l', 'alan.', 'ken.t'][i % 4]}&limit=50`)),
      'deep cursor page': await probe(samples, () => get(`limit=50&cursor=${deepCursor}`)),
    };

    // Read-your-writes: only the read is timed, from the create's answer to the list showing the client.
    const waits: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const lastName = `Ryw${i}x${Date.now().toString(36)}`;
      const created = await call(port, 'POST', p, { firstName: 'Fresh', lastName }, headers);
      if (created.status !== 201) throw new Error(`bench: create answered ${created.status}`);
      const token = String(created.headers['x-consistency-token']);
      const { clientId } = JSON.parse(created.body);
      const answered = process.hrtime.bigint();
      const query = `search=${lastName.toLowerCase()}&limit=50`;
      const shown = expectOk(query)(await call(port, 'GET', `${p}?${query}`, undefined, { ...headers, 'x-consistency-token': token }));
      waits.push(Number(process.hrtime.bigint() - answered) / 1e6);
      if (!shown.items.some((item) => item.clientId === clientId)) throw new Error('bench: read-your-writes did not show the client');
    }
    const readYourWrites = latencySummary(waits);
    const memory = memoryOf(server.pid!);
    // P6 with a snapshot: a clean shutdown writes DATA_DIR/read-models.snapshot, the next start loads it.
    const stoppedAt = process.hrtime.bigint();
    await stop(server);
    const shutdownSeconds = Number(process.hrtime.bigint() - stoppedAt) / 1e9;
    const snapshotMb = statSync(join(seed.dataDir, 'read-models.snapshot')).size / 2 ** 20;
    const again = await startServing(seed, port);
    server = again.server;
    // A start from a snapshot serves before it has decoded the collections nothing read yet, and decodes
    // them in the next seconds (read-model-snapshots.ts, finishLoad): the memory is read once they are.
    await sleep(SNAPSHOT_SETTLE_MS);
    const snapshot = { restartSeconds: again.restartSeconds, restartCpuSeconds: again.restartCpuSeconds, shutdownSeconds, snapshotMb, ...memoryOf(server.pid!) };
    return { seed, restartSeconds, restartCpuSeconds, queries, readYourWrites, ...memory, snapshot };
  } finally {
    await stop(server);
  }
};

const stop = async (server: ChildProcess): Promise<void> => {
  if (server.exitCode === null) server.kill('SIGTERM');
  await new Promise((resolve) => (server.exitCode !== null ? resolve(undefined) : server.once('exit', resolve)));
};

/**
 * Spawns `node scripts/start.js` (what `npm start` runs) on the seed's DATA_DIR and waits until it
 * serves: signed in and the list answers with every event of the log applied.
 */
const startServing = async (seed: SeededPractice, port: number) => {
  const started = process.hrtime.bigint();
  const server: ChildProcess = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: seed.dataDir, PORT: String(port), METRICS_PORT: String(port + 1), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let auth: Record<string, string> | undefined;
  const path = `/practices/${seed.practiceId}/clients?limit=1`;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`bench: the server exited with ${server.exitCode}`);
    try {
      if (!auth) {
        const signIn = await call(port, 'POST', '/auth/sign-in', { email: seed.email, password: seed.password });
        if (signIn.status === 200) auth = { authorization: `Bearer ${JSON.parse(signIn.body).accessToken}` };
      }
      if (auth && (await call(port, 'GET', path, undefined, { ...auth, 'x-consistency-token': String(seed.lastPosition) })).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  const restartSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { server, restartSeconds, restartCpuSeconds: cpuSecondsOf(server.pid!), auth: auth! };
};
