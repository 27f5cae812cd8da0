import type { Database } from 'better-sqlite3';
import { type AppendResult, EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.port';
import { createGroupWriter, type GroupWriter, type RowAppend, type RowOutcome } from './sqlite-writer';

/** What the adapter has done so far; tests and metrics read it to see that grouping happens. */
export interface GroupCommitStats {
  /** Committed group transactions (one WAL sync each). */
  readonly transactions: number;
  /** Append requests settled by those transactions. */
  readonly appendRequests: number;
}

export interface PendingAppend {
  readonly request: RowAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Queues appends and settles each once its group is durable. */
export interface Committer {
  enqueue(request: RowAppend): Promise<AppendResult>;
  /** Writes everything queued, then stops taking appends. */
  close(): Promise<void>;
  stats(): GroupCommitStats;
}

/** Callers only ever see the port's errors: a conflict, or "unavailable" with the SQLite error as its cause. */
export const settle = (pending: PendingAppend, outcome: RowOutcome | undefined): void => {
  const { request } = pending;
  if (outcome?.kind === 'appended') {
    pending.resolve({ nextExpectedRevision: outcome.nextExpectedRevision, position: outcome.position });
  } else if (outcome?.kind === 'conflict') {
    pending.reject(new WrongExpectedRevisionError(request.streamId, request.expectedRevision, outcome.actual));
  } else {
    pending.reject(new EventStoreUnavailableError('the SQLite event store failed to append', outcome?.error));
  }
};

/** True when an outcome stored events (live subscriptions are woken after such a commit). */
export const storedEvents = (group: readonly PendingAppend[], outcomes: readonly RowOutcome[]): boolean =>
  outcomes.some((outcome, index) => outcome.kind === 'appended' && (group[index]?.request.rows.length ?? 0) > 0);

export const commitFailed = (error: unknown): EventStoreUnavailableError =>
  new EventStoreUnavailableError('the SQLite event store failed to commit', error);

/**
 * The writer on the adapter's own thread (an in-memory database, which no other thread can open).
 * better-sqlite3 is synchronous, so an fsync per append would serialise every caller behind the disk.
 * Appends that arrive in the same tick are queued and written by one transaction (one sync), each in
 * its own savepoint so one request's conflict does not undo the others; promises settle only after the
 * commit, so "resolved" still means "durable".
 */
export class GroupCommitter implements Committer {
  private queue: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private transactions = 0;
  private appendRequests = 0;
  private readonly write: GroupWriter;

  constructor(
    db: Database,
    private readonly maxGroupSize: number,
    /** Called after a commit that stored at least one event (wakes live subscriptions). */
    private readonly onCommitted: (group: readonly RowAppend[], outcomes: readonly RowOutcome[]) => void,
  ) {
    this.write = createGroupWriter(db);
  }

  enqueue(request: RowAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  async close(): Promise<void> {
    this.flush();
  }

  stats(): GroupCommitStats {
    return { transactions: this.transactions, appendRequests: this.appendRequests };
  }

  /** Writes everything queued now. Synchronous: nothing can be enqueued while it runs. */
  private flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.commit(this.queue.splice(0, this.maxGroupSize));
  }

  private commit(group: readonly PendingAppend[]): void {
    let outcomes: RowOutcome[];
    try {
      outcomes = this.write(group.map((pending) => pending.request));
    } catch (error) {
      // The commit itself failed (disk full, database closed...): nothing in the group is durable.
      const failure = commitFailed(error);
      group.forEach((pending) => pending.reject(failure));
      return;
    }
    this.transactions += 1;
    this.appendRequests += group.length;
    if (storedEvents(group, outcomes)) this.onCommitted(group.map((pending) => pending.request), outcomes);
    group.forEach((pending, index) => settle(pending, outcomes[index]));
  }
}
