import { join } from 'node:path';
import { SqliteEventStore } from '@practice/event-store';
import { eventCodec } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { isRevenueReportName, Projector, readReport, reportNames, reportProjection, type ReportName } from '@practice/read-models';
import { latencySummary, type LatencySummary } from './bench-support';
import { REPORT_YEAR, seedReportPractice, type SeededReportPractice } from './report-seed';

export interface ReportReadResult {
  readonly seed: SeededReportPractice;
  /** The report projection alone, from the log to the in-memory store, by a projector as the service runs it. */
  readonly projection: { readonly seconds: number; readonly cpuSeconds: number; readonly eventsPerSecond: number; readonly heapUsedMb: number };
  /** Every report read over the year, each granularity, `samples` times: all reads together. */
  readonly reads: LatencySummary & { readonly count: number };
  /** The slowest report and granularity by its p99. */
  readonly slowest: { readonly report: ReportName; readonly granularity: string; readonly latency: LatencySummary };
}

const GRANULARITIES = ['day', 'week', 'month'] as const;

/**
 * The scale: a practice of `clients` clients and `appointments` appointments seeded straight
 * into the SQLite log (bench/report-seed.ts), projected by a projector that keeps only the `reports`
 * read model (pages of 1,000 events, as the service reads them), then every report read over the whole
 * year by day, by week and by month, `samples` times each, as `GET /reports/{name}` reads it.
 */
export const benchReportRead = async (clients: number, appointments: number, samples: number): Promise<ReportReadResult> => {
  const seed = await seedReportPractice(clients, appointments);
  const events = new SqliteEventStore({ filename: join(seed.dataDir, 'events.sqlite'), codec: eventCodec });
  const store = new InMemoryReadStore();
  const projector = new Projector(events, store, [reportProjection], { maxBatchSize: 1000 });
  try {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await projector.start();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    await projector.stop();
    const projection = { seconds, cpuSeconds: (used.user + used.system) / 1e6, eventsPerSecond: seed.events / seconds, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 };

    const all: number[] = [];
    let slowest: ReportReadResult['slowest'] | undefined;
    // The revenue reports are the revenue projection's, over money events this seed does not write.
    for (const report of reportNames.filter((name) => !isRevenueReportName(name))) {
      for (const granularity of GRANULARITIES) {
        const latencies: number[] = [];
        for (let i = 0; i < samples; i += 1) {
          const t0 = process.hrtime.bigint();
          const result = await readReport(store, seed.practiceId, report, { ...REPORT_YEAR, granularity });
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (result.rows.length === 0 && report !== 'needs-attention') throw new Error(`report bench: ${report} by ${granularity} has no rows`);
        }
        all.push(...latencies);
        const latency = latencySummary(latencies);
        if (slowest === undefined || latency.p99Ms > slowest.latency.p99Ms) slowest = { report, granularity, latency };
      }
    }
    return { seed, projection, reads: { ...latencySummary(all), count: all.length }, slowest: slowest! };
  } finally {
    await projector.stop();
    await events.close();
    await store.close();
  }
};
