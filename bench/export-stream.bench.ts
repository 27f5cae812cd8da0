import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SqliteEventStore } from '@practice/event-store';
import { InMemoryReadStore } from '@practice/read-store';
import { eventCodec } from '@practice/events';
import { allProjections, Projector } from '@practice/read-models';
import { exportDatasets } from '../apps/command-api/src/exports/export-datasets';
import { exportLines } from '../apps/command-api/src/exports/export-stream';
import { ExportAudit } from '../apps/command-api/src/exports/export-audit.service';
import { SqliteExportAuditSink } from '../apps/command-api/src/exports/export-audit';
import { clientCreated, newDataDir } from './bench-support';

export interface ExportStreamResult {
  readonly rows: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly rssGrowthMb: number;
  readonly heapGrowthMb: number;
}

const MB = 2 ** 20;

/**
 * One practice with `rows` clients (projected from the log into the in-memory read model), then a CSV
 * export of them streamed through the export's own generator into a sink that reads as slowly as a
 * socket: resident memory is sampled every 1,000 rows, and the figure is its peak above the level
 * before the export started.
 */
export const benchExportStream = async (rows: number): Promise<ExportStreamResult> => {
  const dataDir = newDataDir();
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite'), codec: eventCodec });
  const practiceId = randomUUID();
  const now = new Date().toISOString();
  let pending: Promise<unknown>[] = [];
  for (let i = 0; i < rows; i += 1) {
    const chartId = randomUUID();
    pending.push(store.appendToStream(`chart-${chartId}`, [clientCreated(chartId, practiceId, i, now)], { expectedRevision: 'no_stream' }));
    if (pending.length >= 500) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  const readStore = new InMemoryReadStore();
  const projector = new Projector(store, readStore, allProjections, { maxBatchSize: 1000 });
  const audit = new ExportAudit(new SqliteExportAuditSink(dataDir));
  try {
    await projector.start();
    const position = await store.headPosition();
    const dataset = exportDatasets.get('clients')!;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let peakRss = rssBefore;
    let peakHeap = heapBefore;
    let lines = 0;
    let bytes = 0;
    const started = process.hrtime.bigint();
    const sink = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _encoding, done) {
        lines += 1;
        bytes += chunk.length;
        if (lines % 1000 === 0) {
          const usage = process.memoryUsage();
          peakRss = Math.max(peakRss, usage.rss);
          peakHeap = Math.max(peakHeap, usage.heapUsed);
          setImmediate(done);
        } else done();
      },
    });
    const request = { dataset, practiceId, userId: randomUUID(), role: 'owner' as const, format: 'csv' as const, position, parameters: { format: 'csv' } };
    await pipeline(Readable.from(exportLines(readStore, store, audit, request)), sink);
    return {
      rows: lines - 1,
      bytes,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      rssGrowthMb: (peakRss - rssBefore) / MB,
      heapGrowthMb: (peakHeap - heapBefore) / MB,
    };
  } finally {
    await projector.stop();
    await audit.close();
    await store.close();
    await readStore.close();
  }
};
