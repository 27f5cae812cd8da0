import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@practice/event-store';
import { eventCodec } from '@practice/events';
import { clientCreated, latencySummary, newDataDir, type LatencySummary } from './bench-support';

export interface RawAppendResult {
  readonly appends: number;
  readonly concurrency: number;
  readonly appendsPerSecond: number;
  readonly latency: LatencySummary;
  readonly transactions: number;
}

/**
 * The storage's limit: the same SQLite adapter and settings (WAL, synchronous FULL, group commit,
 * schema checks), one event per append to a new stream, with no HTTP or Nest in front.
 */
export const benchRawAppend = async (appends: number, concurrency: number): Promise<RawAppendResult> => {
  const store = new SqliteEventStore({ filename: join(newDataDir(), 'events.sqlite'), codec: eventCodec });
  const practiceId = randomUUID();
  const now = new Date().toISOString();
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= appends) return;
      const chartId = randomUUID();
      const started = process.hrtime.bigint();
      await store.appendToStream(`chart-${chartId}`, [clientCreated(chartId, practiceId, i, now)], { expectedRevision: 'no_stream' });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  try {
    // Warm-up, as the HTTP loads have one: the writer thread started, the statements prepared.
    await store.appendToStream(`chart-${randomUUID()}`, [clientCreated(randomUUID(), practiceId, -1, now)], { expectedRevision: 'no_stream' });
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      appends,
      concurrency,
      appendsPerSecond: appends / seconds,
      latency: latencySummary(latencies),
      transactions: store.commitStats().transactions,
    };
  } finally {
    await store.close();
  }
};
