/**
 * npm run bench: the figures the README and the issue notes quote. Each figure is measured here, on
 * this machine, never asserted in a test. Sizes can be scaled with BENCH_COMMANDS and BENCH_EVENTS.
 */
import { benchHttpCreateClient } from './http-create-client.bench';
import { benchRawAppend } from './raw-append.bench';
import { benchProjectorRebuild } from './projector-rebuild.bench';
import { benchReportRead } from './report-read.bench';
import { fmt } from './bench-support';
import { benchExportStream } from './export-stream.bench';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const REPORT_CLIENTS = Number(process.env.BENCH_REPORT_CLIENTS ?? 100_000);
const REPORT_APPOINTMENTS = Number(process.env.BENCH_REPORT_APPOINTMENTS ?? 1_000_000);
// BENCH_ONLY=report runs the report line alone.
const ONLY = process.env.BENCH_ONLY;

const main = async (): Promise<void> => {
  process.env.NODE_ENV = 'bench';
  console.log(`bench: node ${process.version}, concurrency ${CONCURRENCY}`);

  if (ONLY === 'report') return reportLine();

  const httpResult = await benchHttpCreateClient(COMMANDS, CONCURRENCY);
  console.log(
    `http CreateClient: ${httpResult.commands} commands in ${fmt(httpResult.seconds, 2)} s = ${fmt(httpResult.commandsPerSecond)} commands/s` +
      ` (p50 ${fmt(httpResult.latency.p50Ms, 2)} ms, p99 ${fmt(httpResult.latency.p99Ms, 2)} ms, max ${fmt(httpResult.latency.maxMs, 2)} ms, failures ${httpResult.failures},` +
      ` server CPU ${fmt(httpResult.serverCpuShare * 100, 0)}% of a core)`,
  );

  const raw = await benchRawAppend(COMMANDS * 2, CONCURRENCY);
  console.log(
    `raw SQLite append: ${raw.appends} appends = ${fmt(raw.appendsPerSecond)} appends/s` +
      ` (p50 ${fmt(raw.latency.p50Ms, 2)} ms, p99 ${fmt(raw.latency.p99Ms, 2)} ms, ${raw.transactions} transactions)`,
  );
  // A CreateClient with an email is two appends (reservation, chart) plus the reads before them.
  console.log(
    `ratio: http commands/s / raw appends/s = ${fmt(httpResult.commandsPerSecond / raw.appendsPerSecond, 3)}` +
      ` (appends through http: ${fmt((2 * httpResult.commandsPerSecond) / raw.appendsPerSecond, 3)} of the storage limit)`,
  );

  const rebuild = await benchProjectorRebuild(EVENTS);
  console.log(
    `projector rebuild: ${rebuild.events} events in ${fmt(rebuild.seconds, 2)} s = ${fmt(rebuild.eventsPerSecond)} events/s` +
      ` (heap ${fmt(rebuild.heapUsedMb)} MiB)`,
  );

  // Goal: an export of 100,000 rows streams with resident memory growing by less than 50 MiB.
  const exported = await benchExportStream(EXPORT_ROWS);
  console.log(
    `export stream: ${exported.rows} rows (${fmt(exported.bytes / 2 ** 20)} MiB of CSV) in ${fmt(exported.seconds, 2)} s,` +
      ` resident memory +${fmt(exported.rssGrowthMb)} MiB at its peak (heap +${fmt(exported.heapGrowthMb)} MiB); goal: 100,000 rows under +50 MiB`,
  );
  await reportLine();
};

const reportLine = async (): Promise<void> => {
  const result = await benchReportRead(REPORT_CLIENTS, REPORT_APPOINTMENTS);
  console.log(
    `report read: ${result.clients} clients, ${result.appointments} appointments (projected in ${fmt(result.projectSeconds, 1)} s);` +
      ` slowest report over a year: ${result.slowest.report} by ${result.slowest.granularity} in ${fmt(result.slowest.ms, 1)} ms`,
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
