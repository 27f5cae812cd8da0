import { writeFileSync } from 'node:fs';
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
