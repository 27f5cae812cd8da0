import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts an app entry point (TypeScript, transpiled on the fly) as a real separate process. */
export const startProcess = (entry: string, env: NodeJS.ProcessEnv): RunningProcess =>
  startNode(['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, entry)], env);

/** Starts a compiled entry point (under dist/, as `npm start` runs it) as a real separate process. */
export const startBuiltProcess = (entry: string, env: NodeJS.ProcessEnv): RunningProcess => startNode([join(ROOT, entry)], env);

const startNode = (args: string[], env: NodeJS.ProcessEnv): RunningProcess => {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
};

/** Polls a URL until it answers 200, or fails after `timeoutMs` with the process output. */
export const waitForHttp = async (url: string, running: RunningProcess, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`process exited: ${running.output()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}: ${running.output()}`);
};

/** A TCP port free on 127.0.0.1 right now, for a process that must be told its port before it starts. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
