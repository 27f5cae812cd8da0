import { ImmediateReadStore, ReadDocument, ReadStoreUnavailableError } from '../read-store.port';
import { CollectionState } from './collection-state';
import { importCollection, type StoreExport } from './snapshot-state';
import { CollectionHost, InMemoryCollection } from './in-memory-collection';
import { StringInterner } from './string-interner';
import type { FrameDecoder } from './frame-decoder';

/**
 * The store's table of shared strings: the repeated ones (practice ids, segment and search keys,
 * statuses, tag ids) are few and come back at once after the table is emptied, while the unique ones
 * (ids, names) would only make a larger table hold more of them.
 */
const SHARED_STRINGS = 50_000;

/**
 * The embedded read store: every collection lives in this process and is rebuilt from the event
 * log at start (or loaded from a snapshot and caught up: see snapshot-file.ts).
 */
export class InMemoryReadStore implements ImmediateReadStore, CollectionHost {
  private readonly states = new Map<string, CollectionState>();
  private readonly handles = new Map<string, InMemoryCollection>();
  private readonly checkpoints = new Map<string, number>();
  /** Its collections read and write synchronously too (see ImmediateCollection). */
  readonly immediate = true as const;
  /** Every stored doc's short strings are made the equal ones stored before (see CollectionState.put). */
  private readonly strings = new StringInterner(SHARED_STRINGS);
  private closed = false;
  /** Between beginBulkLoad and endBulkLoad: every collection, those created meanwhile too, loads in bulk. */
  private bulk = false;
  /** The decoder of the snapshot imported last, while it may hold its file open. */
  private decoder: FrameDecoder | undefined;

  collection<TDoc extends ReadDocument = ReadDocument>(name: string): InMemoryCollection<TDoc> {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('a collection needs a non-empty name');
    let handle = this.handles.get(name);
    if (!handle) this.handles.set(name, (handle = new InMemoryCollection(this, name)));
    return handle as unknown as InMemoryCollection<TDoc>;
  }

  async getCheckpoint(projection: string): Promise<number | undefined> {
    this.assertOpen();
    return this.checkpoints.get(projection);
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.assertOpen();
    if (!Number.isFinite(position)) throw new TypeError(`checkpoint of ${projection} must be a finite number`);
    this.checkpoints.set(projection, position);
  }

  async listCollections(): Promise<string[]> {
    this.assertOpen();
    return [...this.states.keys()].sort();
  }

  /**
   * The named collections (those that exist) and every checkpoint, as of now: taken synchronously, so
   * no write interleaves; the docs are the stored ones (never changed once stored), not copies.
   */
  exportSnapshot(names: ReadonlySet<string>): StoreExport {
    this.assertOpen();
    const collections = [...this.states.values()].filter((state) => names.has(state.name)).map((state) => state.exportState());
    return { checkpoints: [...this.checkpoints], collections };
  }

  /** Fills this store, which must be empty, from a snapshot: indexes are built from the docs. */
  importSnapshot(snapshot: StoreExport): void {
    this.assertOpen();
    if (this.states.size > 0 || this.checkpoints.size > 0) throw new Error('a snapshot is imported into an empty store only');
    this.decoder = snapshot.decoder;
    for (const collection of snapshot.collections) this.states.set(collection.name, importCollection(collection, this.strings, snapshot.decoder));
    for (const [projection, position] of snapshot.checkpoints) this.checkpoints.set(projection, position);
  }

  /**
   * One step of what a snapshot's load left for later: a frame of docs decoded, once none is left an
   * index built (see CollectionState.loadFrames, addIndexDeferred); false once nothing is left. A
   * caller takes one step per turn of the event loop after the server listens, so that the start serves
   * without decoding and indexing the collections nothing read yet, and the first read of one does not
   * pay for it later; a read or a write of a collection finishes its own load first.
   */
  loadStep(): boolean {
    if (this.closed) return false;
    for (const state of this.states.values()) if (state.decodeFrame()) return true;
    for (const state of this.states.values()) if (state.buildDeferredIndex()) return true;
    this.decoder = undefined;
    return false;
  }

  /**
   * Files the inserts waiting in every built index group, at once: after a rebuild or a long catch-up,
   * before the server listens, so no first reader pays for sorting a group of 100,000 entries. Leaves
   * collections not decoded from a snapshot yet alone. Returns how many groups had waiting inserts.
   */
  fileWaitingInserts(): number {
    this.assertOpen();
    let filed = 0;
    for (const state of this.states.values()) filed += state.fileWaitingInserts();
    return filed;
  }

  /**
   * A bulk load of every collection (see CollectionState.beginBulkLoad): while the projector catches up
   * from far behind, writes skip the ordered indexes and the sharing of strings, which the end of the
   * load does once over the docs. Reads stay right throughout (a read builds its collection's indexes).
   */
  beginBulkLoad(): void {
    this.assertOpen();
    this.bulk = true;
    for (const state of this.states.values()) state.beginBulkLoad();
  }

  /** Ends the bulk load: the written docs share their strings, and their collections' indexes are built. */
  endBulkLoad(): void {
    if (!this.bulk) return;
    this.bulk = false;
    for (const state of this.states.values()) state.endBulkLoad();
  }

  /** Releases everything; later calls reject with ReadStoreUnavailableError, as a closed connection would. */
  async close(): Promise<void> {
    this.closed = true;
    this.decoder?.close();
    this.decoder = undefined;
    this.states.clear();
    this.handles.clear();
    this.checkpoints.clear();
  }

  /** @internal used by the collection handles. */
  stateOf(name: string, create: boolean): CollectionState | undefined {
    this.assertOpen();
    let state = this.states.get(name);
    if (!state && create) {
      this.states.set(name, (state = new CollectionState(name, this.strings)));
      if (this.bulk) state.beginBulkLoad();
    }
    return state;
  }

  /** @internal used by the collection handles. */
  dropState(name: string): void {
    this.assertOpen();
    this.states.delete(name);
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreUnavailableError('the in-memory read store is closed');
  }
}

