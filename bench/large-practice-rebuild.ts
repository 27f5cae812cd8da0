/**
 * The projector's rebuild of one large practice, in this process, by CPU time per event: the cost that
 * P6 pays when it rebuilds from the log, without the server around it. Seeds the practice once into
 * <tmpdir>/practice-core-large-rebuild/<clients>-<events> (kept, so runs before and after a change
 * read the same log; delete it by hand), then rebuilds every read model into an empty in-memory store.
 *   CLIENTS=30000 EVENTS=300000 [PROFILE_DIR=dir] node --expose-gc -r ts-node/register/transpile-only \
 *     -r tsconfig-paths/register bench/large-practice-rebuild.ts
 * (the pinned Node: node_modules/.bin/node). Prints one JSON line; heap and resident memory are read
 * after a full collection when --expose-gc is given.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@practice/event-store';
import { InMemoryReadStore } from '@practice/read-store';
import { eventCodec } from '@practice/events';
import { allProjections, Projector } from '@practice/read-models';
import { seedLargePractice, type SeededPractice } from './large-practice-seed';
import { profiledInto } from './cpu-profile';

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

const main = async (): Promise<void> => {
  const clients = Number(process.env.CLIENTS ?? 10_000);
  const events = Number(process.env.EVENTS ?? 0);
  const dir = join(tmpdir(), 'practice-core-large-rebuild', `${clients}-${events}`);
  if (!existsSync(join(dir, 'seed.json'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(await seedLargePractice(dir, clients, events)));
  }
  const seed = JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8')) as SeededPractice;
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), codec: eventCodec });
  const readCpu = process.cpuUsage();
  let after: number | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000 });
    if (page.length === 0) break;
    after = page[page.length - 1].position;
  }
  const readSeconds = cpuSeconds(readCpu);
  const readStore = new InMemoryReadStore();
  const projector = new Projector(store, readStore, allProjections, { maxBatchSize: 1000 });
  global.gc?.();
  const cpu = process.cpuUsage();
  await profiledInto(process.env.PROFILE_DIR, `large-practice-rebuild-${clients}`, () => projector.start());
  const seconds = cpuSeconds(cpu);
  // What the server does before it listens after such a start (heap-release.ts settleAfterCatchUp).
  const filingCpu = process.cpuUsage();
  const indexGroupsFiled = readStore.fileWaitingInserts();
  const filingSeconds = cpuSeconds(filingCpu);
  global.gc?.();
  const memory = process.memoryUsage();
  console.log(
    JSON.stringify({
      clients: seed.clients,
      events: seed.events,
      cpuSeconds: Number(seconds.toFixed(2)),
      cpuMicrosecondsPerEvent: Number(((seconds * 1e6) / seed.events).toFixed(1)),
      eventsPerCpuSecond: Math.round(seed.events / seconds),
      readAndDecodeEventsPerCpuSecond: Math.round(seed.events / readSeconds),
      indexGroupsFiled,
      filingCpuMs: Math.round(filingSeconds * 1000),
      heapUsedMb: Math.round(memory.heapUsed / 2 ** 20),
      rssMb: Math.round(memory.rss / 2 ** 20),
    }),
  );
  await projector.stop();
  await store.close();
  await readStore.close();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
