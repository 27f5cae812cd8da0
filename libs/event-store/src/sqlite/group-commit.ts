import type { Database } from 'better-sqlite3';
import {
  type AppendResult,
  EventStoreUnavailableError,
  InvalidEventError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { type AppendRequest, appendInTransaction } from './append-to-stream';
import type { EventStatements } from './event-rows';

/** What the adapter has done so far; tests and metrics read it to see that grouping happens. */
export interface GroupCommitStats {
  /** Committed group transactions (one WAL sync each). */
  readonly transactions: number;
  /** Append requests settled by those transactions. */
  readonly appendRequests: number;
}

interface PendingAppend {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

const isPortError = (error: unknown): boolean =>
  error instanceof WrongExpectedRevisionError ||
  error instanceof StreamDeletedError ||
  error instanceof InvalidEventError ||
  error instanceof EventStoreUnavailableError;

/** Callers only ever see the port's errors; a raw SQLite error becomes "unavailable" with its cause. */
const toPortError = (error: unknown): unknown =>
  isPortError(error) ? error : new EventStoreUnavailableError('the SQLite event store failed to append', error);

/**
 * better-sqlite3 is synchronous, so an fsync per append would serialise every caller behind the disk.
 * Appends that arrive in the same tick are queued and written by one transaction (one sync), each in
 * its own savepoint so one request's conflict does not undo the others; promises settle only after the
 * commit, so "resolved" still means "durable".
 */
export class GroupCommitter {
  private queue: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private transactions = 0;
  private appendRequests = 0;
  private readonly appendOne: (request: AppendRequest) => AppendResult;
  private readonly commitGroup: (group: readonly PendingAppend[]) => Outcome[];

  constructor(
    db: Database,
    statements: EventStatements,
    private readonly maxGroupSize: number,
    /** Called after a commit that stored at least one event (wakes live subscriptions). */
    private readonly onCommitted: () => void,
  ) {
    // A transaction function called inside another one runs as a SAVEPOINT in better-sqlite3.
    this.appendOne = db.transaction((request: AppendRequest) => appendInTransaction(statements, request));
    // IMMEDIATE takes the write lock up front, so another process on the same file waits rather than
    // failing halfway through the group.
    this.commitGroup = db.transaction((group: readonly PendingAppend[]) =>
      group.map((pending) => this.attempt(pending.request)),
    ).immediate;
  }

  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Writes everything queued now. Synchronous: nothing can be enqueued while it runs. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) {
      this.commit(this.queue.splice(0, this.maxGroupSize));
    }
  }

  stats(): GroupCommitStats {
    return { transactions: this.transactions, appendRequests: this.appendRequests };
  }

  private attempt(request: AppendRequest): Outcome {
    try {
      return { ok: true, result: this.appendOne(request) };
    } catch (error) {
      return { ok: false, error: toPortError(error) };
    }
  }

  private commit(group: readonly PendingAppend[]): void {
    let outcomes: Outcome[];
    try {
      outcomes = this.commitGroup(group);
    } catch (error) {
      // The commit itself failed (disk full, database closed...): nothing in the group is durable.
      const failure = new EventStoreUnavailableError('the SQLite event store failed to commit', error);
      group.forEach((pending) => pending.reject(failure));
      return;
    }
    this.transactions += 1;
    this.appendRequests += group.length;
    if (outcomes.some((outcome, index) => outcome.ok && group[index]?.request.events.length)) this.onCommitted();
    outcomes.forEach((outcome, index) => settle(group[index], outcome));
  }
}

const settle = (pending: PendingAppend | undefined, outcome: Outcome): void => {
  if (!pending) return;
  if (outcome.ok) pending.resolve(outcome.result);
  else pending.reject(outcome.error);
};
