import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@practice/event-store';
import { InMemoryReadStore } from '@practice/read-store';
import { eventCodec, type NewEvent } from '@practice/events';
import { allProjections, Projector } from '@practice/read-models';
import { clientCreated, metadataFor, newDataDir } from './bench-support';
import { profiled } from './cpu-profile';

export interface RebuildResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly heapUsedMb: number;
  /** The same log only read and decoded (pages of 1,000, as the projector reads it): the ceiling of a rebuild. */
  readonly readDecodeEventsPerSecond: number;
  /**
   * The same two rates by this process's CPU time instead of wall time: on a shared machine the wall
   * time includes waiting for a core, the CPU time much less so.
   */
  readonly cpu: { readonly eventsPerSecond: number; readonly readDecodeEventsPerSecond: number };
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** Reads and decodes the whole log in pages, applying nothing. */
const readAndDecode = async (store: SqliteEventStore): Promise<{ seconds: number; cpuSeconds: number }> => {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let after: number | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000 });
    if (page.length === 0) break;
    after = page[page.length - 1].position;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: cpuSeconds(cpu) };
};

/**
 * A log of `events` chart events over 20 practices (each client created, given a legal name and, for
 * half of them, a completed setup), then a fresh projector rebuilds every read model from it.
 */
export const benchProjectorRebuild = async (events: number): Promise<RebuildResult> => {
  const store = new SqliteEventStore({ filename: join(newDataDir(), 'events.sqlite'), codec: eventCodec });
  const practices = Array.from({ length: 20 }, () => randomUUID());
  const now = new Date().toISOString();
  let written = 0;
  let pending: Promise<unknown>[] = [];
  for (let i = 0; written < events; i += 1) {
    const chartId = randomUUID();
    const practiceId = practices[i % practices.length];
    const chart: NewEvent[] = [
      clientCreated(chartId, practiceId, i, now),
      { type: 'LegalNameSet', data: { chartId, firstName: `Legal${i}`, lastName: `Name${i}` }, metadata: metadataFor('SetLegalName', practiceId, now) },
    ];
    if (i % 2 === 0) chart.push({ type: 'ClientSetupCompleted', data: { chartId }, metadata: metadataFor('CompleteClientSetup', practiceId, now) });
    written += chart.length;
    pending.push(store.appendToStream(`chart-${chartId}`, chart, { expectedRevision: 'no_stream' }));
    if (pending.length >= 500) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);

  await readAndDecode(store); // warm-up: page cache and JIT
  const read = await readAndDecode(store);
  const readStore = new InMemoryReadStore();
  const projector = new Projector(store, readStore, allProjections, { maxBatchSize: 1000 });
  try {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    // What the server does before it listens after a rebuild (heap-release.ts settleAfterCatchUp) counts too.
    await profiled('projector-rebuild', async () => {
      await projector.start();
      readStore.fileWaitingInserts();
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rebuildCpuSeconds = cpuSeconds(cpu);
    return {
      events: written,
      seconds,
      eventsPerSecond: written / seconds,
      heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
      readDecodeEventsPerSecond: written / read.seconds,
      cpu: { eventsPerSecond: written / rebuildCpuSeconds, readDecodeEventsPerSecond: written / read.cpuSeconds },
    };
  } finally {
    await projector.stop();
    await store.close();
    await readStore.close();
  }
};
