import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';

/**
 * Runs `fn`; with BENCH_PROFILE_DIR set, under the V8 CPU profiler, written to
 * `<dir>/<name>.cpuprofile` (open it in Chrome DevTools or speedscope). Only the part measured is
 * profiled, not the seeding before it.
 */
export const profiled = <T>(name: string, fn: () => Promise<T>): Promise<T> => profiledInto(process.env.BENCH_PROFILE_DIR, name, fn);

/** Runs `fn`, under the V8 CPU profiler when `dir` is set, the profile written to `<dir>/<name>.cpuprofile`. */
export const profiledInto = async <T>(dir: string | undefined, name: string, fn: () => Promise<T>): Promise<T> => {
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
};

/** A stretch of a process's life on the monotonic clock (`process.hrtime.bigint()`, nanoseconds). */
export interface ProfileWindow {
  readonly name: string;
  readonly fromNs: bigint;
  readonly toNs: bigint;
}

interface CpuProfile {
  nodes: { id: number; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Cuts a whole-life profile (`node --cpu-prof`) of another process into the windows measured, each
 * written as `<dir>/<name>.cpuprofile`. V8 stamps its samples in microseconds of the same monotonic
 * clock as `process.hrtime` (Linux: CLOCK_MONOTONIC), so a window taken in this process selects the
 * samples the server took during it; the start-up and the warm-up are left out.
 */
export const cutProfile = (file: string, dir: string, windows: readonly ProfileWindow[]): void => {
  const whole = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  for (const window of windows) {
    const from = Number(window.fromNs / 1000n);
    const to = Number(window.toNs / 1000n);
    const samples: number[] = [];
    const timeDeltas: number[] = [];
    let at = whole.startTime;
    let last = from;
    whole.samples.forEach((sample, i) => {
      at += whole.timeDeltas[i];
      if (at < from || at > to) return;
      samples.push(sample);
      timeDeltas.push(at - last);
      last = at;
    });
    const hits = new Map<number, number>();
    for (const id of samples) hits.set(id, (hits.get(id) ?? 0) + 1);
    const nodes = whole.nodes.map((node) => ({ ...node, hitCount: hits.get(node.id) ?? 0 }));
    writeFileSync(join(dir, `${window.name}.cpuprofile`), JSON.stringify({ ...whole, nodes, startTime: from, endTime: to, samples, timeDeltas }));
  }
};
