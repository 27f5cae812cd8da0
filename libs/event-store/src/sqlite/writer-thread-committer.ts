import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppendResult } from '../event-store.port';
import { EventStoreUnavailableError } from '../event-store.port';
import { type Committer, commitFailed, type GroupCommitStats, type PendingAppend, settle, storedEvents } from './group-commit';
import type { RowAppend, RowOutcome, WriterData, WriterReply, WriterRequest } from './sqlite-writer';

/** The writer thread's entry: sqlite-writer.js when built, sqlite-writer.ts under ts-node and Jest. */
const WRITER_ENTRY = join(__dirname, `sqlite-writer${extname(__filename)}`);
/**
 * Node strips the types of the .ts entry itself, and would warn on every start that it guessed ESM.
 * The parent's own flags are not passed on: under ts-node they hold its script path, after which Node
 * reads no more options, and the writer imports nothing of the project that would need them.
 */
const WRITER_ARGV = WRITER_ENTRY.endsWith('.ts') ? ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'] : undefined;

/**
 * Group commit with the commit off the event loop: a writer thread owns the write connection. Appends
 * of one tick go to it as one group (one transaction, one fsync); while it writes, this thread goes on
 * serving requests, and the appends that arrive meanwhile make the next group, sent as soon as the
 * writer answers. A promise settles only after the writer has committed, so "resolved" still means
 * "durable"; each append of a group gets its own answer.
 */
export class WriterThreadCommitter implements Committer {
  private readonly worker: Worker;
  private queue: PendingAppend[] = [];
  private inFlight: { readonly id: number; readonly group: PendingAppend[] } | undefined;
  private scheduled: NodeJS.Immediate | undefined;
  private nextId = 0;
  private transactions = 0;
  private appendRequests = 0;
  private failure: Error | undefined;
  private closing = false;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly exited: Promise<void>;

  constructor(
    filename: string,
    private readonly maxGroupSize: number,
    /** Called after a commit that stored at least one event (wakes live subscriptions). */
    private readonly onCommitted: (group: readonly RowAppend[], outcomes: readonly RowOutcome[]) => void,
  ) {
    this.worker = new Worker(WRITER_ENTRY, {
      workerData: { role: 'sqlite-writer', filename } satisfies WriterData,
      ...(WRITER_ARGV ? { execArgv: WRITER_ARGV } : {}),
    });
    // An idle writer does not keep the process alive; one with a group in flight does (see send).
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.answered(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        if (!this.closing) this.fail(new Error(`the SQLite writer thread exited with code ${code}`));
        resolve();
      }),
    );
  }

  enqueue(request: RowAppend): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ request, resolve, reject });
      if (!this.inFlight) this.scheduled ??= setImmediate(() => this.send());
    });
  }

  async close(): Promise<void> {
    if (this.scheduled) this.send();
    while (this.inFlight || (this.queue.length > 0 && !this.failure)) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
    this.closing = true;
    // Held open until the writer has closed its connection and ended.
    this.worker.ref();
    this.worker.postMessage('close' satisfies WriterRequest);
    await this.exited;
  }

  stats(): GroupCommitStats {
    return { transactions: this.transactions, appendRequests: this.appendRequests };
  }

  /** One group at a time: the appends queued while the writer syncs wait for the next one. */
  private send(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.inFlight || this.queue.length === 0 || this.failure) return;
    const group = this.queue.splice(0, this.maxGroupSize);
    this.inFlight = { id: (this.nextId += 1), group };
    this.worker.ref();
    this.worker.postMessage({ id: this.inFlight.id, group: group.map((pending) => pending.request) } satisfies WriterRequest);
  }

  private answered(reply: WriterReply): void {
    const flight = this.inFlight;
    if (!flight || flight.id !== reply.id) return;
    this.inFlight = undefined;
    this.worker.unref();
    if ('commitError' in reply) {
      // The commit itself failed (disk full...): nothing in the group is durable.
      const failure = commitFailed(reply.commitError);
      flight.group.forEach((pending) => pending.reject(failure));
    } else {
      this.transactions += 1;
      this.appendRequests += flight.group.length;
      if (storedEvents(flight.group, reply.outcomes)) this.onCommitted(flight.group.map((pending) => pending.request), reply.outcomes);
      flight.group.forEach((pending, index) => settle(pending, reply.outcomes[index]));
    }
    this.send();
    if (!this.inFlight && this.queue.length === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
  }

  /** The writer is gone: nothing more can be made durable; every waiting append is refused. */
  private fail(cause: unknown): void {
    this.failure ??= new EventStoreUnavailableError('the SQLite writer thread stopped', cause);
    const waiting = [...(this.inFlight?.group ?? []), ...this.queue.splice(0)];
    this.inFlight = undefined;
    waiting.forEach((pending) => pending.reject(this.failure));
    this.idleWaiters.splice(0).forEach((wake) => wake());
  }
}
