import { createEventStore, projectionNames } from '@practice/engines';
import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { allProjections, Projector, VersionedReadStore } from '@practice/read-models';

export interface RebuildReport {
  readonly version: string;
  readonly position: number;
  readonly seconds: number;
  readonly dropped: readonly string[];
}

const bar = (done: number, total: number, width = 30): string => {
  const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1)}%`;
};

/**
 * Blue/green rebuild: project the whole log into new versioned collections while readers keep using
 * the current ones, then point readers at the new ones and drop the old. The running projector sees
 * the switch and continues on the new collections from their checkpoints.
 */
export const rebuildReadModels = async (
  events: EventStore,
  inner: ReadStore,
  options: { version?: string; progress?: (line: string) => void; now?: () => Date; graceMs?: number } = {},
): Promise<RebuildReport> => {
  const now = options.now ?? (() => new Date());
  const version = options.version ?? `v${now().getTime()}`;
  const readers = new VersionedReadStore(inner, projectionNames);
  const previous = await readers.currentVersions();
  const target = new VersionedReadStore(inner, projectionNames, version);
  const head = await events.headPosition();
  const started = Date.now();
  const projector = new Projector(events, target, allProjections, { maxBatchSize: 1000 });
  const ticker = setInterval(() => options.progress?.(`${bar(projector.status().position, head)} position ${projector.status().position} of ${head}`), 250);
  try {
    await projector.start();
  } finally {
    clearInterval(ticker);
    await projector.stop();
  }
  options.progress?.(`${bar(1, 1)} caught up at position ${projector.status().position}`);
  await readers.switchTo(version, now());
  // Readers cache where a read model lives for about a second; let them move before the old goes.
  await new Promise((resolve) => setTimeout(resolve, options.graceMs ?? 2000));
  const dropped = [...previous.values()].filter((physical) => !physical.endsWith(`__${version}`));
  for (const physical of dropped) await inner.collection(physical).drop();
  return { version, position: projector.status().position, seconds: (Date.now() - started) / 1000, dropped };
};

const main = async (): Promise<void> => {
  const mongoUrl = process.env.MONGODB_URL;
  if (!mongoUrl) {
    console.log('MONGODB_URL is not set: in-memory read models are rebuilt from the log at every start; nothing to do.');
    return;
  }
  const { MongoReadStore } = await import('@practice/read-store');
  const settings = { dataDir: process.env.DATA_DIR ?? './data', eventStoreUrl: process.env.EVENTSTORE_URL || undefined, mongoUrl };
  const events = await createEventStore(settings);
  const inner = await MongoReadStore.connect({ url: mongoUrl });
  try {
    const report = await rebuildReadModels(events, inner, { progress: (line) => process.stdout.write(`\r${line}   `) });
    process.stdout.write('\n');
    console.log(`switched readers to ${report.version} at position ${report.position} in ${report.seconds.toFixed(1)} s; dropped ${report.dropped.join(', ')}`);
  } finally {
    await events.close();
    await inner.close();
  }
};

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
