import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/*
 * The write side of the SQLite log, in one self-contained file: it is both imported by the adapter
 * (the in-process writer of an in-memory database) and run as the entry of the writer thread, which
 * Node loads straight from this file (compiled JavaScript, or TypeScript with its types stripped). So
 * it imports nothing of the project and uses only erasable TypeScript.
 */

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** One event, serialised as its row stores it (the revision is decided by the writer). */
export interface RowToWrite {
  readonly eventId: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** One caller's append, as it waits for the writer. */
export interface RowAppend {
  readonly streamId: string;
  readonly category: string;
  readonly expectedRevision: ExpectedRevision;
  readonly rows: readonly RowToWrite[];
}

/** Each append of a group gets its own answer; one failing append never fails the others. */
export type RowOutcome =
  | {
      readonly kind: 'appended';
      readonly nextExpectedRevision: number;
      readonly position: number;
      /** The position of the first row this append inserted; unset when it inserted none (a retry, no rows). */
      readonly firstPosition?: number;
    }
  | { readonly kind: 'conflict'; readonly actual: number }
  | { readonly kind: 'failed'; readonly error: unknown };

interface StoredRef {
  readonly stream_id: string;
  readonly revision: number;
  readonly position: number;
}

type InsertParams = [string, string, number, string, string, string, string];

interface WriterStatements {
  readonly lastOfStream: Statement<[string], StoredRef>;
  readonly findByEventId: Statement<[string], StoredRef>;
  readonly insert: Statement<InsertParams>;
}

const NO_STREAM = -1;

const prepareWriterStatements = (db: SqliteDatabase): WriterStatements => ({
  lastOfStream: db.prepare<[string], StoredRef>(
    'SELECT stream_id, revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
  ),
  findByEventId: db.prepare<[string], StoredRef>('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
  insert: db.prepare<InsertParams>(
    `INSERT INTO events (stream_id, category, revision, event_id, type, data, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
});

const matchesExpected = (expected: ExpectedRevision, actual: number): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === NO_STREAM;
  if (expected === 'stream_exists') return actual !== NO_STREAM;
  return actual === expected;
};

/** Where a retried append's first event must sit for the retry to count as the same append. */
const firstRevisionFits = (expected: ExpectedRevision, firstRevision: number): boolean => {
  if (expected === 'no_stream') return firstRevision === 0;
  if (expected === 'any' || expected === 'stream_exists') return true;
  return firstRevision === expected + 1;
};

/**
 * Some event ids are already stored. Event ids are deterministic for a retried command, so when they
 * are exactly this stream's events where the expected revision put them, this is a retry of an append
 * that succeeded: answer as it did and append nothing. Anything else (ids partly present, elsewhere,
 * or out of order) is a conflict, never a silent partial append.
 */
const answerRetry = (request: RowAppend, stored: readonly (StoredRef | undefined)[], actual: number): RowOutcome => {
  const first = stored[0];
  const last = stored[stored.length - 1];
  const same =
    first !== undefined &&
    firstRevisionFits(request.expectedRevision, first.revision) &&
    stored.every((ref, index) => ref !== undefined && ref.stream_id === request.streamId && ref.revision === first.revision + index);
  if (!same || !last) return { kind: 'conflict', actual };
  return { kind: 'appended', nextExpectedRevision: last.revision, position: last.position };
};

/**
 * Runs inside the group's transaction (in its own savepoint), so it sees the requests grouped before
 * it exactly as if they had committed: two appends to one stream in one group behave sequentially.
 */
const appendRows = (statements: WriterStatements, request: RowAppend): RowOutcome => {
  const last = statements.lastOfStream.get(request.streamId);
  const actual = last?.revision ?? NO_STREAM;
  const stored = request.rows.map((row) => statements.findByEventId.get(row.eventId));
  if (stored.some((ref) => ref !== undefined)) return answerRetry(request, stored, actual);
  if (!matchesExpected(request.expectedRevision, actual)) return { kind: 'conflict', actual };
  // Nothing to append: answer with where the stream stands (-1 position for a missing stream).
  if (request.rows.length === 0) return { kind: 'appended', nextExpectedRevision: actual, position: last?.position ?? -1 };
  let position = -1;
  let firstPosition = -1;
  request.rows.forEach((row, index) => {
    const params: InsertParams = [request.streamId, request.category, actual + 1 + index, row.eventId, row.type, row.data, row.metadata];
    position = Number(statements.insert.run(...params).lastInsertRowid);
    if (index === 0) firstPosition = position;
  });
  return { kind: 'appended', nextExpectedRevision: actual + request.rows.length, position, firstPosition };
};

/** Writes a group of appends in one transaction (one WAL sync); throws only when the commit fails. */
export type GroupWriter = (group: readonly RowAppend[]) => RowOutcome[];

export const createGroupWriter = (db: SqliteDatabase): GroupWriter => {
  const statements = prepareWriterStatements(db);
  // A transaction function called inside another one runs as a SAVEPOINT in better-sqlite3: a request
  // that fails halfway is undone alone.
  const appendOne = db.transaction((request: RowAppend): RowOutcome => {
    const outcome = appendRows(statements, request);
    if (outcome.kind === 'conflict') throw new ConflictRollback(outcome);
    return outcome;
  });
  const attempt = (request: RowAppend): RowOutcome => {
    try {
      return appendOne(request);
    } catch (error) {
      return error instanceof ConflictRollback ? error.outcome : { kind: 'failed', error };
    }
  };
  // IMMEDIATE takes the write lock up front, so another process on the same file waits rather than
  // failing halfway through the group.
  return db.transaction((group: readonly RowAppend[]) => group.map(attempt)).immediate;
};

/** Thrown inside a savepoint so that nothing of a conflicting request stays (it inserted nothing anyway). */
class ConflictRollback extends Error {
  readonly outcome: RowOutcome;

  constructor(outcome: RowOutcome) {
    super('conflict');
    this.outcome = outcome;
  }
}

/** What the adapter sends its writer thread, and what it answers. */
export interface WriterData {
  readonly role: 'sqlite-writer';
  readonly filename: string;
}
export type WriterRequest = { readonly id: number; readonly group: readonly RowAppend[] } | 'close';
export type WriterReply =
  | { readonly id: number; readonly outcomes: readonly RowOutcome[] }
  | { readonly id: number; readonly commitError: unknown };

/**
 * The writer thread: its own connection to the file (WAL, `synchronous = FULL`), one group per
 * message, answered once committed. The adapter's thread only reads, so the commit and its fsync
 * never stop its event loop.
 */
const runWriterThread = (data: WriterData): void => {
  const port = parentPort!;
  const db = new Database(data.filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const write = createGroupWriter(db);
  port.on('message', (request: WriterRequest) => {
    if (request === 'close') {
      db.close();
      port.close();
      return;
    }
    try {
      port.postMessage({ id: request.id, outcomes: write(request.group) } satisfies WriterReply);
    } catch (error) {
      port.postMessage({ id: request.id, commitError: error } satisfies WriterReply);
    }
  });
};

if (!isMainThread && (workerData as Partial<WriterData> | null)?.role === 'sqlite-writer') {
  runWriterThread(workerData as WriterData);
}
