import Database from 'better-sqlite3';
import { privateFile } from './private-file';
import { type NewEvent, type RecordedEvent, streamCategory } from '@practice/events';
import {
  type AppendOptions,
  type AppendResult,
  type EventCodec,
  type EventFilter,
  type EventStore,
  EventStoreUnavailableError,
  InvalidEventError,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type SubscribedEvent,
  type Subscription,
  type SubscriptionCallbacks,
  passThroughCodec,
} from '../event-store.port';
import { byRevision, type EventRow, type EventStatements, NO_LIMIT, prepareStatements, toRecordedEvent } from './event-rows';
import { type Committer, GroupCommitter, type GroupCommitStats } from './group-commit';
import type { RowAppend, RowOutcome } from './sqlite-writer';
import { WriterThreadCommitter } from './writer-thread-committer';
import { configureDatabase } from './sqlite-schema';
import { SqliteSubscription } from './sqlite-subscription';
import { RecentRows } from './recent-rows';

export interface SqliteEventStoreOptions {
  /** The database file; `':memory:'` for tests. */
  readonly filename: string;
  /** Schema checks on append and read; defaults to checking nothing. */
  readonly codec?: EventCodec;
  /** The most append requests written by one transaction. */
  readonly maxGroupSize?: number;
  /**
   * Commit on a writer thread (the default for a file) so that the commit and its fsync never stop
   * the event loop; false commits on this thread. An in-memory database always commits here.
   */
  readonly writerThread?: boolean;
}

const DEFAULT_MAX_GROUP_SIZE = 1000;
/** An upper bound for "up to the end" in position and revision comparisons. */
const END = Number.MAX_SAFE_INTEGER;

/** SQLite reads a negative LIMIT as "no limit"; say so explicitly rather than rely on it. */
const limitOf = (maxCount: number | undefined): number =>
  maxCount === undefined || maxCount < 0 ? NO_LIMIT : Math.floor(maxCount);

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Two events with one id in one append can never both be stored; refuse before anything queues. */
const assertDistinctIds = (events: readonly NewEvent[]): void => {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.metadata.eventId)) {
      throw new InvalidEventError(event.type, `eventId ${event.metadata.eventId} appears twice in one append`);
    }
    seen.add(event.metadata.eventId);
  }
};

/** The row each event becomes, serialised here so that the writer only writes. */
const toRowAppend = (streamId: string, events: readonly NewEvent[], options: AppendOptions): RowAppend => ({
  streamId,
  category: streamCategory(streamId),
  expectedRevision: options.expectedRevision,
  rows: events.map((event) => ({
    eventId: event.metadata.eventId,
    type: event.type,
    // `undefined` data would not serialise; it reads back as null either way.
    data: JSON.stringify(event.data ?? null),
    metadata: JSON.stringify(event.metadata),
  })),
});

/** The embedded EventStore: one SQLite file, WAL, group commit (on a writer thread for a file). */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: EventStatements;
  private readonly codec: EventCodec;
  private readonly committer: Committer;
  private readonly subscriptions = new Set<SqliteSubscription>();
  /** What this process's commits just stored, for the live subscriptions (see recent-rows.ts). */
  private readonly recent = new RecentRows();
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    // The log holds clinical data: readable by its owner only.
    this.db = new Database(privateFile(options.filename));
    configureDatabase(this.db);
    this.statements = prepareStatements(this.db);
    this.codec = options.codec ?? passThroughCodec;
    const maxGroupSize = Math.max(1, options.maxGroupSize ?? DEFAULT_MAX_GROUP_SIZE);
    const onCommitted = (group: readonly RowAppend[], outcomes: readonly RowOutcome[]): void => {
      if (this.subscriptions.size === 0) return;
      this.recent.remember(group, outcomes);
      this.subscriptions.forEach((subscription) => subscription.notify());
    };
    this.committer =
      options.filename === ':memory:' || options.writerThread === false
        ? new GroupCommitter(this.db, maxGroupSize, onCommitted)
        : new WriterThreadCommitter(options.filename, maxGroupSize, onCommitted);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    events.forEach((event) => this.codec.checkOnAppend(event));
    assertDistinctIds(events);
    return this.committer.enqueue(toRowAppend(streamId, events, options));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = limitOf(options.maxCount);
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(streamId, options.fromRevision ?? END, limit)
        : limit === NO_LIMIT
          ? byRevision(this.statements.streamFrom.all(streamId, options.fromRevision ?? 0))
          : this.statements.streamForwards.all(streamId, options.fromRevision ?? 0, limit);
    return rows.map((row) => this.codec.decodeOnRead(toRecordedEvent(row)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const rows = this.statements.selectAll(options.after ?? -1, END, limitOf(options.maxCount), options.filter);
    return rows.map((row) => this.codec.decodeOnRead(toRecordedEvent(row)));
  }

  subscribeToAll(options: SubscribeOptions, callbacks: SubscriptionCallbacks): Subscription {
    this.assertOpen();
    const source = {
      head: () => this.head(),
      readPage: (after: number, upTo: number, maxCount: number, filter?: EventFilter) =>
        (this.recent.page(after, upTo, maxCount, filter) ?? this.statements.selectAll(after, upTo, maxCount, filter)).map((row) =>
          this.decodeForSubscription(row),
        ),
    };
    const subscription = new SqliteSubscription(source, options, callbacks, (ended) =>
      this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.head();
  }

  /** Group-commit counters, for observability and tests. */
  commitStats(): GroupCommitStats {
    return this.committer.stats();
  }

  /** Writes the appends still queued, ends the subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.committer.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  private head(): number {
    return this.statements.head.get()?.head ?? -1;
  }

  /** A subscription must not stop on one malformed event: it hands it over with the reason. */
  private decodeForSubscription(row: EventRow): SubscribedEvent {
    const event = toRecordedEvent(row);
    try {
      return this.codec.decodeOnRead(event);
    } catch (error) {
      return { ...event, invalidReason: describeError(error) };
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the SQLite event store is closed');
  }
}
