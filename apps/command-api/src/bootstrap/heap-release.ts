import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InMemoryReadStore } from '@practice/read-store';

/** A start that applied at least this many events (a rebuild, a long catch-up) gives its garbage's pages back. */
export const RELEASE_AFTER_EVENTS = 50_000;

type Collect = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let collect: Collect | undefined;

/**
 * V8's collector, reached without `--expose-gc` on the command line: the flag is set for the time it
 * takes to read `gc` in a fresh context and then unset, so no global `gc` appears in the application.
 */
const collector = (): Collect => {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    try {
      collect = runInNewContext('gc') as Collect;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  return collect;
};

export interface HeapRelease {
  readonly rssBeforeMiB: number;
  readonly rssAfterMiB: number;
  readonly heapUsedMiB: number;
  readonly ms: number;
}

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

/**
 * One memory-reducing full collection (V8's "last resort" one, as under memory pressure). A rebuild
 * grows the heap to several times its live documents with garbage (every rewritten document, every
 * batch's copies); an ordinary collection frees it but V8 keeps the freed pages resident in its page
 * pool, so the process stayed at about 3x the resident memory of the same read models loaded from a
 * snapshot (issue 14, P5). This collection also releases the pool. It stops the event loop for about
 * a second per 150 MiB of live heap: run once at start, before the server listens.
 */
export const releaseHeap = (): HeapRelease => {
  const started = process.hrtime.bigint();
  const rssBefore = process.memoryUsage.rss();
  collector()({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  const { rss, heapUsed } = process.memoryUsage();
  return { rssBeforeMiB: mib(rssBefore), rssAfterMiB: mib(rss), heapUsedMiB: mib(heapUsed), ms: Number(process.hrtime.bigint() - started) / 1e6 };
};

/** What of the runtime the end of a start needs. */
export interface CaughtUpRuntime {
  readonly projector?: { status(): { readonly eventsApplied: number } };
  readonly snapshots?: { write(): Promise<void> };
  readonly readStore?: object;
}

/** What the end of a long start did: the index groups whose waiting inserts it filed, then the heap released. */
export interface CatchUpSettled extends HeapRelease {
  readonly indexGroupsFiled: number;
  readonly filingMs: number;
}

/**
 * The end of a start, before the server listens. A start that rebuilt the read models (or caught up on
 * a long stretch of the log) writes its snapshot first: written once serving, the encoding of a large
 * snapshot and its garbage would hold the first reads up (issue 14, P4), and a crash before the first
 * periodic one would mean the same rebuild again. Before that, the in-memory indexes file the inserts
 * that waited unsorted during the rebuild (a first read of a 100,000-entry group would otherwise sort
 * it, ~150 ms, P4). Then it gives back the pages of the garbage (P5).
 */
export const settleAfterCatchUp = async (runtime: CaughtUpRuntime, threshold = RELEASE_AFTER_EVENTS): Promise<CatchUpSettled | undefined> => {
  const applied = runtime.projector?.status().eventsApplied ?? 0;
  if (applied < threshold) return undefined;
  const filing = process.hrtime.bigint();
  const indexGroupsFiled = runtime.readStore instanceof InMemoryReadStore ? runtime.readStore.fileWaitingInserts() : 0;
  const filingMs = Number(process.hrtime.bigint() - filing) / 1e6;
  await runtime.snapshots?.write();
  return { indexGroupsFiled, filingMs, ...releaseHeap() };
};
