import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@practice/event-store';
import { InMemoryReadStore } from '@practice/read-store';
import { eventCodec, type NewEvent } from '@practice/events';
import { allProjections, Projector } from '@practice/read-models';
import { clientCreated, metadataFor, newDataDir } from './bench-support';

export interface RebuildResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly heapUsedMb: number;
}

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

  const readStore = new InMemoryReadStore();
  const projector = new Projector(store, readStore, allProjections, { maxBatchSize: 1000 });
  try {
    const started = process.hrtime.bigint();
    await projector.start();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      events: written,
      seconds,
      eventsPerSecond: written / seconds,
      heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
    };
  } finally {
    await projector.stop();
    await store.close();
    await readStore.close();
  }
};
