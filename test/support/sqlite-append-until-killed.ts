import { randomUUID } from 'node:crypto';
import { SqliteEventStore, WrongExpectedRevisionError } from '@practice/event-store';
import type { NewEvent } from '@practice/events';

/*
 * The child of the SQLite crash spec: appends forever, from 32 concurrent callers, to a few shared
 * streams (with expected revisions, so some conflict) and to new ones, and prints one line per
 * answer. The spec kills it with SIGKILL and checks that every append answered as done is in the log.
 */
const filename = process.argv[2]!;
const store = new SqliteEventStore({ filename });
const SHARED = Array.from({ length: 4 }, (_, index) => `crash-shared${index}`);
const revisions = new Map<string, number>(SHARED.map((stream) => [stream, -1]));

const event = (): NewEvent => ({
  type: 'CrashTested',
  data: { at: Date.now() },
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    actorUserId: randomUUID(),
    practiceId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    commandType: 'CrashTest',
  },
});

const caller = async (index: number): Promise<void> => {
  for (let round = 0; ; round += 1) {
    const shared = round % 2 === 0;
    const streamId = shared ? SHARED[(index + round) % SHARED.length]! : `crash-${randomUUID()}`;
    const expected = shared ? revisions.get(streamId)! : -1;
    const events = [event(), event()];
    try {
      const result = await store.appendToStream(streamId, events, { expectedRevision: expected === -1 ? 'no_stream' : expected });
      if (shared) revisions.set(streamId, Math.max(revisions.get(streamId)!, result.nextExpectedRevision));
      const ids = events.map((e) => e.metadata.eventId);
      process.stdout.write(`${JSON.stringify({ appended: { streamId, ids, ...result } })}\n`);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      revisions.set(streamId, Math.max(revisions.get(streamId)!, error.actual ?? -1));
      process.stdout.write(`${JSON.stringify({ conflict: { streamId, ids: events.map((e) => e.metadata.eventId) } })}\n`);
    }
  }
};

process.stdout.write('ready\n');
void Promise.all(Array.from({ length: 32 }, (_, index) => caller(index)));
