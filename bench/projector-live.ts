/**
 * The embedded projector's cost per event on the live path, without HTTP: creates appended to a
 * SQLite log (a file, the writer thread, as the service runs it) in waves of `BENCH_WAVE` concurrent
 * appends (one group commit, one live batch, as at that HTTP concurrency), each wave awaited until the
 * read models reflect it (`waitFor`, as a read with the consistency token). Prints the main thread's
 * CPU time per event (the writer thread's commits left out), its busy time and the sizes
 * of the batches the subscription delivered. With BENCH_PROFILE_DIR, a CPU profile of the waves.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/projector-live.ts
 *   BENCH_LIVE_EVENTS [20000]  BENCH_WAVE [32]  BENCH_PRACTICES [20]
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@practice/event-store';
import { InMemoryReadStore } from '@practice/read-store';
import { eventCodec } from '@practice/events';
import { allProjections, Projector } from '@practice/read-models';
import { clientCreated, newDataDir, removeDataDirs } from './bench-support';
import { profiled } from './cpu-profile';

const EVENTS = Number(process.env.BENCH_LIVE_EVENTS ?? 20_000);
const WAVE = Number(process.env.BENCH_WAVE ?? 32);
const PRACTICES = Number(process.env.BENCH_PRACTICES ?? 20);

const main = async (): Promise<void> => {
  const store = new SqliteEventStore({ filename: join(newDataDir(), 'events.sqlite'), codec: eventCodec });
  const readStore = new InMemoryReadStore();
  const projector = new Projector(store, readStore, allProjections);
  // Counts the sizes of the batches the subscription hands over (the bench's only look inside).
  const batches = new Map<number, number>();
  const live = projector as unknown as { handle(batch: readonly unknown[]): Promise<void> };
  const handle = live.handle.bind(projector);
  live.handle = (batch) => {
    batches.set(batch.length, (batches.get(batch.length) ?? 0) + 1);
    return handle(batch);
  };
  await projector.start();
  const practices = Array.from({ length: PRACTICES }, () => randomUUID());
  const now = new Date().toISOString();
  let i = 0;
  const wave = async (): Promise<void> => {
    const appends = [];
    for (let k = 0; k < WAVE; k += 1, i += 1) {
      const chartId = randomUUID();
      appends.push(store.appendToStream(`chart-${chartId}`, [clientCreated(chartId, practices[i % PRACTICES], i, now)], { expectedRevision: 'no_stream' }));
    }
    const results = await Promise.all(appends);
    const last = Math.max(...results.map((result) => result.position));
    await projector.waitFor(last, 60_000);
  };
  // Warm-up: the JIT and the first documents of each practice.
  for (let w = 0; w < Math.max(10, 2000 / WAVE); w += 1) await wave();
  batches.clear();
  const elu = performance.eventLoopUtilization();
  // The main thread's own CPU time (Node 23.9+), apart from the writer thread's commits.
  const threadCpu = (): number => {
    const used = (process as unknown as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const mainCpu = threadCpu();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const measured = Math.ceil(EVENTS / WAVE);
  await profiled('projector-live', async () => {
    for (let w = 0; w < measured; w += 1) await wave();
  });
  const wallMs = performance.now() - started;
  const used = performance.eventLoopUtilization(elu);
  const mainCpuMs = threadCpu() - mainCpu;
  const processCpu = process.cpuUsage(cpu);
  const cpuMs = (processCpu.user + processCpu.system) / 1000;
  const events = measured * WAVE;
  console.log(
    `projector live: ${events} creates in waves of ${WAVE}: main thread CPU ${((mainCpuMs / events) * 1000).toFixed(1)} µs per event,` +
      ` busy ${((used.active / events) * 1000).toFixed(1)} µs per event` +
      ` (utilisation ${(used.utilization * 100).toFixed(0)}%), process CPU ${((cpuMs / events) * 1000).toFixed(1)} µs per event, wall ${(wallMs / 1000).toFixed(2)} s`,
  );
  console.log(`  batch sizes delivered (size x count): ${[...batches].sort((a, b) => a[0] - b[0]).map(([size, n]) => `${size}x${n}`).join(' ')}`);
  await projector.stop();
  await store.close();
  await readStore.close();
  removeDataDirs();
};

void main();
