/**
 * npm run bench: the figures the README and the issue notes quote, and goals P1-P7 (issue 14), each
 * with its figure, its goal and met / not met. Each figure is measured here, on this machine, never
 * asserted in a test. Sizes (defaults in brackets):
 *   BENCH_COMMANDS [5000]  creates per HTTP load (P1, P7); raw appends are twice that
 *   BENCH_CONCURRENCY [32] concurrent requests of every load
 *   BENCH_EVENTS [100000]  events of the projector rebuild (P2)
 *   BENCH_CLIENTS [100000] clients of the large practice (P3-P6)
 *   BENCH_RESTART_EVENTS [1000000] events in the large practice's log (P6)
 *   BENCH_SAMPLES [200]    sequential requests per read probe (P3, P4)
 *   BENCH_EXPORT_ROWS [100000] rows of the streamed CSV export (issue 13)
 *   BENCH_REPORT_CLIENTS [100000], BENCH_REPORT_APPOINTMENTS [1000000] the report practice (issue 13)
 *   BENCH_REPORT_SAMPLES [5] reads of each report and granularity
 * BENCH_ONLY=report runs the report line alone.
 * Quick run: BENCH_COMMANDS=1000 BENCH_EVENTS=20000 BENCH_CLIENTS=5000 BENCH_RESTART_EVENTS=20000 BENCH_SAMPLES=50 npm run bench
 */
import { benchHttpCreateClient } from './http-create-client.bench';
import { benchRawAppend } from './raw-append.bench';
import { benchProjectorRebuild } from './projector-rebuild.bench';
import { benchBareServer } from './bare-server.bench';
import { benchLargePractice } from './large-practice.bench';
import { fmt, removeDataDirs } from './bench-support';
import { benchReportRead } from './report-read.bench';
import { benchExportStream } from './export-stream.bench';
import { goalLine, scaledNote } from './goals';
import type { LoadResult } from './load';

const size = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const COMMANDS = size('BENCH_COMMANDS', 5000);
const CONCURRENCY = size('BENCH_CONCURRENCY', 32);
const EVENTS = size('BENCH_EVENTS', 100_000);
const CLIENTS = size('BENCH_CLIENTS', 100_000);
const RESTART_EVENTS = size('BENCH_RESTART_EVENTS', 1_000_000);
const SAMPLES = size('BENCH_SAMPLES', 200);
const EXPORT_ROWS = size('BENCH_EXPORT_ROWS', 100_000);

const loadLine = (name: string, r: LoadResult): string =>
  `${name}: ${r.commands} in ${fmt(r.seconds, 2)} s = ${fmt(r.commandsPerSecond)}/s (p50 ${fmt(r.latency.p50Ms, 2)} ms, p99 ${fmt(r.latency.p99Ms, 2)} ms,` +
  ` max ${fmt(r.latency.maxMs, 2)} ms, failures ${r.failures}, server CPU ${fmt(r.serverCpuShare * 100, 0)}% of a core, ${fmt(cpuPerCommandUs(r), 0)} µs per create, ${fmt((r.mainThreadCpuShare * r.seconds * 1e6) / r.commands, 0)} µs of it on the event loop)`;
/** The server process's CPU (every thread) per create: steadier than a rate on a shared machine. */
const cpuPerCommandUs = (r: LoadResult): number => (r.serverCpuShare * r.seconds * 1e6) / r.commands;
const REPORT_CLIENTS = size('BENCH_REPORT_CLIENTS', 100_000);
const REPORT_APPOINTMENTS = size('BENCH_REPORT_APPOINTMENTS', 1_000_000);
const REPORT_SAMPLES = size('BENCH_REPORT_SAMPLES', 5);
// BENCH_ONLY=report runs the report line alone; BENCH_ONLY=create the create path (P1, P7) alone;
// BENCH_ONLY=rebuild the projector rebuild (P2) alone; BENCH_ONLY=large the large practice (P3-P6) alone.
const ONLY = process.env.BENCH_ONLY;

const main = async (): Promise<void> => {
  process.env.NODE_ENV = 'bench';
  console.log(`bench: node ${process.version}, concurrency ${CONCURRENCY}`);
  const goals: string[] = [];

  if (ONLY === 'report') return reportLine();
  if (ONLY === 'create') return createPathLines();
  if (ONLY === 'rebuild') return rebuildLine(goals).then(() => printGoals(goals));
  if (ONLY === 'large') return largeLines(goals).then(() => printGoals(goals));

  const http = await benchHttpCreateClient(COMMANDS, CONCURRENCY);
  console.log(loadLine('http CreateClient with an email', http.withEmail));
  console.log(loadLine('http CreateClient without an email', http.withoutEmail));
  const raw = await benchRawAppend(COMMANDS * 2, CONCURRENCY);
  console.log(
    `raw SQLite append: ${raw.appends} appends = ${fmt(raw.appendsPerSecond)} appends/s` +
      ` (p50 ${fmt(raw.latency.p50Ms, 2)} ms, p99 ${fmt(raw.latency.p99Ms, 2)} ms, ${raw.transactions} transactions)`,
  );
  const withEmail = http.withEmail.commandsPerSecond / raw.appendsPerSecond;
  const withoutEmail = http.withoutEmail.commandsPerSecond / raw.appendsPerSecond;
  goals.push(goalLine({ id: 'P1', what: 'CreateClient with an email / raw append rate', figure: `${fmt(withEmail, 3)}, p99 ${fmt(http.withEmail.latency.p99Ms, 1)} ms`, goal: '>= 0.15, p99 < 25 ms', met: withEmail >= 0.15 && http.withEmail.latency.p99Ms < 25 }));
  goals.push(goalLine({ id: 'P1', what: 'CreateClient without an email / raw append rate', figure: fmt(withoutEmail, 3), goal: '>= 0.25', met: withoutEmail >= 0.25 }));

  await rebuildLine(goals);
  await largeLines(goals);

  const bare = await benchBareServer(COMMANDS, CONCURRENCY);
  console.log(loadLine('bare Fastify + better-sqlite3 create', bare));
  const againstBare = http.withoutEmail.commandsPerSecond / bare.commandsPerSecond;
  goals.push(goalLine({ id: 'P7', what: 'CreateClient without an email / bare server', figure: `${fmt(againstBare, 3)} (${fmt(http.withoutEmail.commandsPerSecond, 0)}/s vs ${fmt(bare.commandsPerSecond, 0)}/s)`, goal: '>= 0.5', met: againstBare >= 0.5 }));

  // Issue 13: an export of 100,000 rows streams with resident memory growing by less than 50 MiB.
  const exported = await benchExportStream(EXPORT_ROWS);
  console.log(
    `export stream: ${exported.rows} rows (${fmt(exported.bytes / 2 ** 20)} MiB of CSV) in ${fmt(exported.seconds, 2)} s,` +
      ` resident memory +${fmt(exported.rssGrowthMb)} MiB at its peak (heap +${fmt(exported.heapGrowthMb)} MiB); goal: 100,000 rows under +50 MiB`,
  );

  printGoals(goals);

  await reportLine();
};

/** P1 and P7 alone: the HTTP creates, the raw append and the bare server, in one run. */
const createPathLines = async (): Promise<void> => {
  const http = await benchHttpCreateClient(COMMANDS, CONCURRENCY);
  console.log(loadLine('http CreateClient with an email', http.withEmail));
  console.log(loadLine('http CreateClient without an email', http.withoutEmail));
  const raw = await benchRawAppend(COMMANDS * 2, CONCURRENCY);
  console.log(`raw SQLite append: ${raw.appends} appends = ${fmt(raw.appendsPerSecond)} appends/s (p50 ${fmt(raw.latency.p50Ms, 2)} ms, p99 ${fmt(raw.latency.p99Ms, 2)} ms, ${raw.transactions} transactions)`);
  const bare = await benchBareServer(COMMANDS, CONCURRENCY);
  console.log(loadLine('bare Fastify + better-sqlite3 create', bare));
  console.log(`P1 with an email / raw: ${fmt(http.withEmail.commandsPerSecond / raw.appendsPerSecond, 3)}; without: ${fmt(http.withoutEmail.commandsPerSecond / raw.appendsPerSecond, 3)}; P7 without an email / bare: ${fmt(http.withoutEmail.commandsPerSecond / bare.commandsPerSecond, 3)}`);
  console.log(`server CPU per create, bare / service without an email: ${fmt(cpuPerCommandUs(bare) / cpuPerCommandUs(http.withoutEmail), 3)}`);
};

const printGoals = (goals: readonly string[]): void => {
  console.log('\ngoals (issue 14):');
  for (const line of goals) console.log(`  ${line}`);
};

const rebuildLine = async (goals: string[]): Promise<void> => {
  const rebuild = await benchProjectorRebuild(EVENTS);
  console.log(
    `projector rebuild: ${rebuild.events} events in ${fmt(rebuild.seconds, 2)} s = ${fmt(rebuild.eventsPerSecond)} events/s` +
      ` (read and decode only: ${fmt(rebuild.readDecodeEventsPerSecond)} events/s; heap ${fmt(rebuild.heapUsedMb)} MiB)`,
  );
  console.log(
    `  by CPU time: ${fmt(rebuild.cpu.eventsPerSecond)} events/s (read and decode only: ${fmt(rebuild.cpu.readDecodeEventsPerSecond)} events/s),` +
      ` ${fmt(rebuild.cpu.eventsPerSecond / rebuild.cpu.readDecodeEventsPerSecond, 2)} of read-and-decode`,
  );
  const share = rebuild.eventsPerSecond / rebuild.readDecodeEventsPerSecond;
  goals.push(goalLine({ id: 'P2', what: 'projector rebuild', figure: `${fmt(rebuild.eventsPerSecond, 0)} events/s, ${fmt(share, 2)} of read-and-decode`, goal: '>= 150000 events/s and >= 0.5', met: rebuild.eventsPerSecond >= 150_000 && share >= 0.5 }));
};

const largeLines = async (goals: string[]): Promise<void> => {
  const large = await benchLargePractice(CLIENTS, RESTART_EVENTS, SAMPLES);
  console.log(`large practice: ${large.seed.clients} clients, ${large.seed.events} events (seeded in ${fmt(large.seed.seedSeconds, 1)} s)`);
  for (const [name, q] of Object.entries(large.queries)) console.log(`  ${name}: p50 ${fmt(q.p50Ms, 2)} ms, p99 ${fmt(q.p99Ms, 2)} ms, max ${fmt(q.maxMs, 2)} ms`);
  const ryw = large.readYourWrites;
  console.log(`  read-your-writes wait: p50 ${fmt(ryw.p50Ms, 2)} ms, p99 ${fmt(ryw.p99Ms, 2)} ms, max ${fmt(ryw.maxMs, 2)} ms`);
  console.log(`  server resident memory ${fmt(large.rssMb, 0)} MiB (peak ${fmt(large.peakRssMb, 0)} MiB); restart until serving ${fmt(large.restartSeconds, 2)} s (server CPU ${fmt(large.restartCpuSeconds, 1)} s)`);
  const clientsNote = scaledNote(large.seed.clients, 100_000, 'clients');
  goals.push(goalLine({ id: 'P3', what: 'read-your-writes wait p99', figure: `${fmt(ryw.p99Ms, 2)} ms`, goal: '< 10 ms', met: ryw.p99Ms < 10 }) + clientsNote);
  for (const [name, q] of Object.entries(large.queries)) {
    goals.push(goalLine({ id: 'P4', what: `${name} p99`, figure: `${fmt(q.p99Ms, 2)} ms`, goal: '< 10 ms', met: q.p99Ms < 10 }) + clientsNote);
  }
  goals.push(goalLine({ id: 'P5', what: 'resident memory', figure: `${fmt(large.rssMb, 0)} MiB`, goal: '< 1024 MiB', met: large.rssMb < 1024 }) + clientsNote);
  const snap = large.snapshot;
  console.log(
    `  stopped (snapshot written at shutdown: ${fmt(snap.snapshotMb, 1)} MiB, ${fmt(snap.shutdownSeconds, 2)} s) and started again from the snapshot: serving in ${fmt(snap.restartSeconds, 2)} s` +
      ` (server CPU ${fmt(snap.restartCpuSeconds, 1)} s); resident memory then ${fmt(snap.rssMb, 0)} MiB (peak ${fmt(snap.peakRssMb, 0)} MiB)`,
  );
  goals.push(goalLine({ id: 'P5', what: 'resident memory after a start from the snapshot', figure: `${fmt(snap.rssMb, 0)} MiB`, goal: '< 1024 MiB', met: snap.rssMb < 1024 }) + clientsNote);
  goals.push(goalLine({ id: 'P6', what: 'restart until serving, rebuilt from the log', figure: `${fmt(large.restartSeconds, 2)} s`, goal: '< 10 s', met: large.restartSeconds < 10 }) + scaledNote(large.seed.events, 1_000_000, 'events'));
  goals.push(goalLine({ id: 'P6', what: 'restart until serving, from the snapshot', figure: `${fmt(snap.restartSeconds, 2)} s`, goal: '< 10 s', met: snap.restartSeconds < 10 }) + scaledNote(large.seed.events, 1_000_000, 'events'));
};

const reportLine = async (): Promise<void> => {
  const r = await benchReportRead(REPORT_CLIENTS, REPORT_APPOINTMENTS, REPORT_SAMPLES);
  console.log(
    `report practice: ${r.seed.clients} clients, ${r.seed.appointments} appointments, ${r.seed.events} events appended to the log in ${fmt(r.seed.seedSeconds, 1)} s;` +
      ` projected by the reports projection in ${fmt(r.projection.seconds, 1)} s = ${fmt(r.projection.eventsPerSecond, 0)} events/s` +
      ` (CPU ${fmt(r.projection.cpuSeconds, 1)} s, heap ${fmt(r.projection.heapUsedMb, 0)} MiB)`,
  );
  console.log(
    `report reads over a year (${r.reads.count}: every report by day, week and month, ${REPORT_SAMPLES} each): p50 ${fmt(r.reads.p50Ms, 1)} ms, p99 ${fmt(r.reads.p99Ms, 1)} ms,` +
      ` max ${fmt(r.reads.maxMs, 1)} ms; slowest ${r.slowest.report} by ${r.slowest.granularity} (p50 ${fmt(r.slowest.latency.p50Ms, 1)} ms, p99 ${fmt(r.slowest.latency.p99Ms, 1)} ms)`,
  );
  const note = scaledNote(r.seed.clients, 100_000, 'clients') + scaledNote(r.seed.appointments, 1_000_000, 'appointments');
  console.log(`\ngoal (issue 13):\n  ${goalLine({ id: 'R1', what: `report over a year, p99 of the slowest report and granularity (${r.slowest.report} by ${r.slowest.granularity})`, figure: `${fmt(r.slowest.latency.p99Ms, 1)} ms`, goal: '< 1000 ms', met: r.slowest.latency.p99Ms < 1000 })}${note}`);
};

main()
  .then(() => removeDataDirs())
  .catch((error) => {
    removeDataDirs();
    console.error(error);
    process.exit(1);
  });
