import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppendResult, SqliteEventStore, WrongExpectedRevisionError } from '@practice/event-store';
import { idsOf, newEvent } from './event-store-contract.helpers';

const ROOT = join(__dirname, '..', '..');

interface Answered {
  readonly appended?: { readonly streamId: string; readonly ids: string[]; readonly nextExpectedRevision: number; readonly position: number };
  readonly conflict?: { readonly streamId: string; readonly ids: string[] };
}

/** Runs test/support/sqlite-append-until-killed.ts, kills it with SIGKILL after `answers` answers, returns them. */
const appendUntilKilled = (filename: string, answers: number): Promise<Answered[]> =>
  new Promise((resolve, reject) => {
    const script = join(ROOT, 'test', 'support', 'sqlite-append-until-killed.ts');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, filename], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const seen: Answered[] = [];
    let pending = '';
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{')) seen.push(JSON.parse(line) as Answered);
      if (seen.length >= answers && child.exitCode === null) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`the appending process ended by itself: ${errors}`)),
    );
  });

describe('SqliteEventStore durability and concurrency', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-durability-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every append it answered when its process is killed (SIGKILL) in the middle of appending', async () => {
    const filename = join(dir, 'events.db');
    const answered = await appendUntilKilled(filename, 400);

    const store = new SqliteEventStore({ filename });
    try {
      const appended = answered.flatMap((answer) => (answer.appended ? [answer.appended] : []));
      expect(appended.length).toBeGreaterThan(100);
      for (const append of appended) {
        const stored = await store.readStream(append.streamId, { fromRevision: append.nextExpectedRevision - 1, maxCount: 2 });
        expect(idsOf(stored)).toEqual(append.ids);
        expect(stored[1]?.position).toBe(append.position);
      }
      // A conflicting append stored nothing.
      const conflicting = new Set(answered.flatMap((answer) => answer.conflict?.ids ?? []));
      const log = await store.readAll();
      expect(log.filter((event) => conflicting.has(event.metadata.eventId))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('answers many concurrent appends to the same and to different streams, with conflicts, each on its own', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    try {
      const shared = ['chart-a', 'chart-b', 'chart-c'];
      // Each caller appends to a shared stream at the revision it believes is current: some win, some conflict.
      const calls = Array.from({ length: 300 }, (_, index) => {
        const streamId = index % 3 === 0 ? `chart-own${index}` : shared[index % shared.length]!;
        const believed = index % 3 === 0 ? -1 : Math.floor(index / 9) - 1;
        const events = [newEvent('ChartOpened', { index })];
        return { streamId, events, promise: store.appendToStream(streamId, events, { expectedRevision: believed < 0 ? 'no_stream' : believed }) };
      });
      const outcomes = await Promise.allSettled(calls.map((call) => call.promise));

      const won = new Map<string, { ids: string[]; result: AppendResult }[]>();
      outcomes.forEach((outcome, index) => {
        const call = calls[index]!;
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
          return;
        }
        won.set(call.streamId, [...(won.get(call.streamId) ?? []), { ids: idsOf(call.events), result: outcome.value }]);
      });
      for (let index = 0; index < 300; index += 3) expect(won.get(`chart-own${index}`)).toHaveLength(1);
      for (const streamId of shared) {
        // The winners, by the revision each was answered, are exactly the stream, in order, with no gap.
        const winners = [...(won.get(streamId) ?? [])].sort((a, b) => a.result.nextExpectedRevision - b.result.nextExpectedRevision);
        const stored = await store.readStream(streamId);
        expect(winners.map((winner) => winner.result.nextExpectedRevision)).toEqual(stored.map((event) => event.revision));
        expect(winners.flatMap((winner) => winner.ids)).toEqual(idsOf(stored));
        expect(winners.map((winner) => winner.result.position)).toEqual(stored.map((event) => event.position));
      }
      const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(rejected.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
