import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InMemoryReadStore, readSnapshotFile, writeSnapshotFile, type ReadStore } from '@practice/read-store';
import { allProjections, PARKED_EVENTS, projectionsVersion, TOMBSTONES, type Projector } from '@practice/read-models';

/** The file under DATA_DIR that holds the in-memory read models as of a log position. */
export const SNAPSHOT_FILE = 'read-models.snapshot';

export interface SnapshotSettings {
  /** A snapshot is written once this many events were applied since the last one. */
  readonly everyEvents: number;
  /** ... or once this long has passed since the last one and any event was applied. */
  readonly intervalMs: number;
  /** How often the projector's progress is looked at. */
  readonly checkMs?: number;
}

/**
 * Snapshots of the embedded default's in-memory read models: loaded at start (the projector then
 * catches up from the snapshot's checkpoints), written every `everyEvents` events or `intervalMs`,
 * and at a clean shutdown. A snapshot of other projections (`version`) or a corrupt one is ignored:
 * the read models are rebuilt from the log, as without a snapshot. A snapshot may be taken while a
 * batch is half applied: that is the state a crash leaves, which the checkpoints and the position
 * guard make harmless (the batch is applied again, the documents it reached skip it).
 */
export class ReadModelSnapshots {
  readonly file: string;
  private readonly names: ReadonlySet<string>;
  private projector: Projector | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  /** Events applied (the projector's count) and the time at the last snapshot written or loaded. */
  private appliedAtLast = 0;
  private lastAt = Date.now();
  private lastPosition = -1;

  constructor(
    private readonly store: InMemoryReadStore,
    dataDir: string,
    private readonly settings: SnapshotSettings,
    private readonly log: (message: string) => void,
    /** Where an ignored snapshot is reported (a warning: the start rebuilds from the log). */
    private readonly warn: (message: string) => void = log,
    readonly version: string = projectionsVersion(allProjections),
  ) {
    this.file = join(dataDir, SNAPSHOT_FILE);
    this.names = new Set([...allProjections.map((projection) => projection.name), PARKED_EVENTS, TOMBSTONES]);
  }

  /** Fills the (empty) store from the snapshot file, if there is one of this version that checks out. */
  async load(): Promise<void> {
    const started = Date.now();
    await this.removeLeftovers();
    const read = await readSnapshotFile(this.file, this.version);
    if (read.kind === 'missing') return;
    if (read.kind === 'other-version') {
      this.warn(`read-model snapshot ignored: written by other projections (version ${read.version.slice(0, 12)}); rebuilding from the log`);
      return;
    }
    if (read.kind === 'corrupt') {
      this.warn(`read-model snapshot ignored: corrupt (${read.reason}); rebuilding from the log`);
      return;
    }
    this.store.importSnapshot(read.store);
    this.lastPosition = read.meta.position;
    this.log(`read-model snapshot loaded: ${read.docs} documents at position ${read.meta.position} in ${Date.now() - started} ms`);
  }

  /**
   * Finishes what the load left for later (the docs of collections nothing read yet, their indexes: see
   * InMemoryReadStore.loadStep), one step per turn of the event loop, from `delayMs` on: called once the
   * server listens, so that the start serves before it has decoded and indexed them (issue 14, P6).
   */
  finishLoad(delayMs = 1000): Promise<void> {
    return new Promise((resolve) => {
      let steps = 0;
      let started = 0;
      const next = (): void => {
        if (this.store.loadStep()) {
          steps += 1;
          setImmediate(next);
          return;
        }
        if (steps > 0) this.log(`read-model snapshot load finished after listening: ${steps} frames of docs decoded or indexes built in ${Date.now() - started} ms`);
        resolve();
      };
      setTimeout(() => {
        started = Date.now();
        next();
      }, delayMs).unref();
    });
  }

  /** Temporary files of writes a crash or a hard kill cut short (the snapshot beside them is whole). */
  private async removeLeftovers(): Promise<void> {
    const prefix = `.${SNAPSHOT_FILE}.`;
    for (const name of await readdir(dirname(this.file)).catch(() => [] as string[])) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) await rm(join(dirname(this.file), name), { force: true });
    }
  }

  /** Starts looking at the projector's progress (after its start: the catch-up counts too). */
  start(projector: Projector): void {
    this.projector = projector;
    this.appliedAtLast = 0;
    this.lastAt = Date.now();
    this.timer = setInterval(() => void this.check().catch((error: unknown) => this.warn(`read-model snapshot not written: ${(error as Error)?.name ?? 'error'}`)), this.settings.checkMs ?? 5000);
    this.timer.unref();
  }

  /** Writes a snapshot when one is due. */
  async check(): Promise<void> {
    const status = this.projector?.status();
    if (!status || !status.caughtUp || this.writing) return;
    const applied = status.eventsApplied - this.appliedAtLast;
    if (applied <= 0) return;
    if (applied >= this.settings.everyEvents || Date.now() - this.lastAt >= this.settings.intervalMs) await this.write();
  }

  /** Writes a snapshot now (after any write under way), unless nothing changed since the last one. */
  async write(): Promise<void> {
    while (this.writing) await this.writing;
    const eventsApplied = this.projector?.status().eventsApplied ?? 0;
    const store = this.store.exportSnapshot(this.names);
    const checkpoints = store.checkpoints.filter(([name]) => this.names.has(name)).map(([, position]) => position);
    const position = checkpoints.length > 0 ? Math.min(...checkpoints) : -1;
    if (position === this.lastPosition) return;
    const started = Date.now();
    this.writing = (async () => {
      try {
        const written = await writeSnapshotFile(this.file, { version: this.version, position, writtenAt: new Date().toISOString() }, store);
        this.appliedAtLast = eventsApplied;
        this.lastAt = Date.now();
        this.lastPosition = position;
        this.log(`read-model snapshot written: ${written.docs} documents, ${written.bytes} bytes at position ${position} in ${Date.now() - started} ms`);
      } catch (error) {
        this.warn(`read-model snapshot not written: ${(error as Error)?.name ?? 'error'} ${(error as NodeJS.ErrnoException)?.code ?? ''}`.trim());
      } finally {
        this.writing = undefined;
      }
    })();
    await this.writing;
  }

  /** At a clean shutdown, with the projector stopped: the last snapshot. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.projector) await this.write();
  }
}

/** The snapshots of the embedded default (in-memory read store); none with MongoDB or when turned off. */
export const readModelSnapshots = (
  readStore: ReadStore,
  dataDir: string,
  settings: SnapshotSettings | undefined,
  log: (message: string) => void,
  warn: (message: string) => void = log,
): ReadModelSnapshots | undefined =>
  readStore instanceof InMemoryReadStore && settings !== undefined ? new ReadModelSnapshots(readStore, dataDir, settings, log, warn) : undefined;
