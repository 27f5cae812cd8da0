import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cutProfile, type ProfileWindow } from './cpu-profile';

/** The server under load, in its own process: the load generator and the bench measure it from outside. */
export interface ServerProcess {
  readonly pid: number;
  /** User + system CPU seconds of the server so far (/proc, ticks of 1/100 s). */
  cpuSeconds(): number;
  /** The same, of its main thread alone (the event loop: no writer thread, no collector helpers). */
  mainThreadCpuSeconds(): number;
  /** Stops it (SIGTERM, as a supervisor does); with a profile asked for, cuts it into `windows`. */
  stop(windows?: readonly ProfileWindow[]): Promise<void>;
}

/** A fresh DATA_DIR starts in a second or two; a build was made current before. */
const START_TIMEOUT_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const cpuSecondsOf = (pid: number, tid?: number): number => {
  const fields = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * Spawns `node [--cpu-prof] <args>` with `env`, its stdout to /dev/null (an access line per request
 * costs what it costs in production, where stdout is a file or a pipe), and waits until `ready()`.
 * BENCH_PROFILE=<dir>: the process runs under `--cpu-prof` and, once stopped, its profile is cut into the
 * windows measured (`<dir>/<window name>.cpuprofile`).
 */
export const spawnServer = async (args: readonly string[], env: NodeJS.ProcessEnv, ready: () => Promise<boolean>): Promise<ServerProcess> => {
  const profileDir = process.env.BENCH_PROFILE;
  const wholeDir = profileDir ? mkdtempSync(join(tmpdir(), 'bench-cpu-prof-')) : undefined;
  const devNull = openSync('/dev/null', 'w');
  const child: ChildProcess = spawn(process.execPath, [...(wholeDir ? ['--cpu-prof', `--cpu-prof-dir=${wholeDir}`] : []), ...args], {
    cwd: join(__dirname, '..'),
    env,
    stdio: ['ignore', devNull, 'inherit'],
  });
  closeSync(devNull);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const giveUpAt = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench: the server exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) break;
    if (Date.now() > giveUpAt) {
      child.kill('SIGKILL');
      throw new Error(`bench: the server did not answer within ${START_TIMEOUT_MS / 1000} s`);
    }
    await sleep(25);
  }
  const pid = child.pid!;
  return {
    pid,
    cpuSeconds: () => cpuSecondsOf(pid),
    mainThreadCpuSeconds: () => cpuSecondsOf(pid, pid),
    stop: async (windows = []) => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (!wholeDir || !profileDir) return;
      const [file] = readdirSync(wholeDir).filter((name) => name.endsWith('.cpuprofile'));
      if (file) cutProfile(join(wholeDir, file), profileDir, windows);
      rmSync(wholeDir, { recursive: true, force: true });
    },
  };
};
