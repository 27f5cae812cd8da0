import { Filter, FindOptions, IndexSpec, ReadDocument } from '../read-store.port';
import { OrderedIndex } from './ordered-index';
import { PlannedRead, planRead } from './query-plan';
import { UniqueConstraint } from './unique-constraint';
import type { StringInterner } from './string-interner';
import type { FrameDecoder, FrameRef } from './frame-decoder';

/**
 * The data of one collection and the write rules that keep its indexes true. Everything here is
 * synchronous, so a bulk is applied without another call interleaving; callers clone docs on the
 * way in and out, so stored docs are never shared and never change once stored.
 */
export class CollectionState {
  private readonly stored = new Map<string, ReadDocument>();
  /**
   * Frames of a snapshot's docs not decoded yet (see `loadFrames`), from `nextFrame` on. Every reader of
   * `docs` gets them all decoded first, so nothing can observe a collection half loaded.
   */
  private frames: readonly FrameRef[] = [];
  private nextFrame = 0;
  /** Set while frames are left. */
  private decoder: FrameDecoder | undefined;
  /** Position of the last delete per id, so an older put replayed after it cannot bring the doc back. */
  private readonly tombstones = new Map<string, number>();
  private readonly specs = new Map<string, IndexSpec>();
  private indexes: OrderedIndex[] = [];
  private readonly uniques: UniqueConstraint[] = [];
  /**
   * Indexes registered but not built yet (a collection loaded from a snapshot): built, in the order
   * they were registered, before anything uses the indexes (a write, a delete, a query, a snapshot), or
   * by `buildDeferredIndex` after the server listens. A start then builds only the indexes of the
   * collections it reads or writes before it serves (issue 14, P6).
   */
  private deferred: IndexSpec[] = [];
  /**
   * Set during a bulk load (see `beginBulkLoad`): the ids written since it began, whose strings are
   * shared at its end. `rebuild`: the load deferred indexes that were built, to be built again at its end.
   */
  private bulk: { readonly written: Set<string>; rebuild: boolean } | undefined;

  /** `strings`: makes the short strings of every stored doc the ones stored before (issue 14, P5). */
  constructor(
    readonly name: string,
    private readonly strings?: StringInterner,
  ) {}

  /** The stored docs by id (a snapshot's frames not decoded yet are decoded first). */
  get docs(): Map<string, ReadDocument> {
    if (this.decoder !== undefined) while (this.decodeFrame());
    return this.stored;
  }

  // ---- a snapshot's load --------------------------------------------------------------------

  /**
   * Takes a snapshot's frames of docs (checked already) to decode later: one per `decodeFrame`
   * call after the server listens, or all of them before anyone reads `docs` (issue 14, P6).
   */
  loadFrames(frames: readonly FrameRef[], decoder: FrameDecoder): void {
    if (frames.length === 0) return;
    this.frames = frames;
    this.nextFrame = 0;
    this.decoder = decoder;
  }

  /** Decodes the next frame of docs the load left; false when none was left. */
  decodeFrame(): boolean {
    const decoder = this.decoder;
    if (decoder === undefined) return false;
    const frame = this.frames[this.nextFrame];
    this.nextFrame += 1;
    if (this.nextFrame >= this.frames.length) {
      this.frames = [];
      this.nextFrame = 0;
      this.decoder = undefined;
    }
    for (const doc of decoder.decode(frame)) this.stored.set(doc._id, doc);
    return true;
  }

  /** The deleted ids of a snapshot, with the position of their delete (the docs are not looked at). */
  restoreTombstones(tombstones: readonly (readonly [string, number])[]): void {
    for (const [id, position] of tombstones) this.tombstones.set(id, Math.max(position, this.tombstones.get(id) ?? position));
  }

  // ---- writes -------------------------------------------------------------------------------

  /**
   * Stores `doc` unless the position guard refuses it; throws DuplicateKeyError before changing
   * anything. `doc` must be the caller's own copy: it is kept, and `_position` is set on it.
   */
  put(doc: ReadDocument, position: number | undefined): void {
    if (this.bulk === undefined) this.buildDeferredIndexes();
    const current = this.docs.get(doc._id);
    const known = current ? current._position : this.tombstones.get(doc._id);
    if (!isNewer(position, known)) return;
    if (position !== undefined) (doc as { _position?: number })._position = position;
    for (const unique of this.uniques) unique.check(doc);
    if (this.bulk !== undefined) this.bulk.written.add(doc._id);
    else this.strings?.internDoc(doc, current);
    this.docs.set(doc._id, doc);
    this.tombstones.delete(doc._id);
    if (current) this.reindex(current, doc);
    else this.index(doc);
  }

  delete(id: string, position: number | undefined): void {
    if (this.bulk === undefined) this.buildDeferredIndexes();
    else this.bulk.rebuild = true;
    const current = this.docs.get(id);
    if (!current) {
      // Deleting what is not there still records the position: a replayed older put stays dead.
      if (position !== undefined) this.tombstones.set(id, Math.max(position, this.tombstones.get(id) ?? position));
      return;
    }
    if (!isNewer(position, current._position)) return;
    this.unindex(current);
    this.docs.delete(id);
    const deletedAt = position ?? current._position;
    if (deletedAt !== undefined) this.tombstones.set(id, deletedAt);
  }

  // ---- indexes ------------------------------------------------------------------------------

  /**
   * Files the inserts waiting in the built indexes (see OrderedIndex.fileWaitingInserts); indexes and
   * frames not built or decoded yet are left so. Returns how many index groups had waiting inserts.
   */
  fileWaitingInserts(): number {
    let filed = 0;
    for (const index of this.indexes) filed += index.fileWaitingInserts();
    return filed;
  }

  /**
   * Registers an index; a unique one is built from the current docs first and refused on a duplicate.
   * During a bulk load only its unique constraint is built; the ordered index waits for the load's end.
   */
  addIndex(spec: IndexSpec): void {
    if (!this.isNew(spec)) return;
    if (this.bulk !== undefined) {
      this.buildUnique(spec);
      this.deferred.push(spec);
      this.bulk.rebuild = true;
    } else {
      this.buildDeferredIndexes();
      this.build(spec);
    }
    this.specs.set(spec.name, spec);
  }

  // ---- a bulk load --------------------------------------------------------------------------

  /**
   * From now until `endBulkLoad`, writes keep the docs by id and the unique constraints only: the
   * ordered indexes (those built are dropped) wait for the load's end, and the strings of the docs
   * written are shared then, once per doc instead of once per write (a rebuild from the log, a long
   * catch-up: issue 14, P2). Any read through the indexes (a query, a count, a snapshot) builds them
   * first, as for a snapshot's deferred indexes, so nothing reads an index that misses a write; writes
   * after such a read keep the built indexes current.
   */
  beginBulkLoad(): void {
    if (this.bulk !== undefined) return;
    for (const spec of this.deferred) this.buildUnique(spec);
    const built = this.indexes.map((index) => index.spec);
    this.bulk = { written: new Set(), rebuild: built.length > 0 };
    if (built.length === 0) return;
    this.indexes = [];
    this.deferred = [...built, ...this.deferred];
  }

  /**
   * Ends a bulk load: the docs written during it share their strings, then, when anything was written
   * (or indexes were dropped), the indexes are built over all the docs at once. Indexes a snapshot's
   * load deferred in a collection the load did not write stay deferred.
   */
  endBulkLoad(): void {
    const bulk = this.bulk;
    if (bulk === undefined) return;
    this.bulk = undefined;
    const strings = this.strings;
    if (strings !== undefined) {
      for (const id of bulk.written) {
        const doc = this.stored.get(id);
        if (doc !== undefined) strings.internDoc(doc);
      }
    }
    if (bulk.rebuild || bulk.written.size > 0) this.buildDeferredIndexes();
  }

  /**
   * Registers an index of a collection loaded from a snapshot without building it yet (see `deferred`):
   * it answers for the spec at once (a conflicting `addIndex` is refused), and is built before first use.
   */
  addIndexDeferred(spec: IndexSpec): void {
    if (!this.isNew(spec)) return;
    this.specs.set(spec.name, spec);
    this.deferred.push(spec);
  }

  /** Builds the next deferred index; false when none was left. One index per call keeps each turn short. */
  buildDeferredIndex(): boolean {
    const spec = this.deferred.shift();
    if (spec === undefined) return false;
    this.build(spec);
    return true;
  }

  private buildDeferredIndexes(): void {
    while (this.buildDeferredIndex());
  }

  /** False when an equal index exists already; throws when one of that name differs or the spec has no key. */
  private isNew(spec: IndexSpec): boolean {
    const existing = this.specs.get(spec.name);
    if (existing) {
      if (!sameIndex(existing, spec)) throw new IndexConflictError(this.name, spec.name);
      return false;
    }
    if (Object.keys(spec.keys).length === 0) {
      throw new IndexConflictError(this.name, spec.name, 'an index needs at least one key');
    }
    return true;
  }

  private build(spec: IndexSpec): void {
    this.buildUnique(spec);
    this.indexes.push(this.buildOrdered(spec));
  }

  /** The unique constraint of `spec` from the current docs, unless it is not unique or is built already. */
  private buildUnique(spec: IndexSpec): void {
    if (!spec.unique || this.uniques.some((built) => built.spec === spec)) return;
    const unique = new UniqueConstraint(this.name, spec);
    for (const doc of this.docs.values()) {
      unique.check(doc);
      unique.add(doc);
    }
    this.uniques.push(unique);
  }

  private buildOrdered(spec: IndexSpec): OrderedIndex {
    const index = new OrderedIndex(spec);
    index.addAll(this.docs.values());
    return index;
  }

  private index(doc: ReadDocument): void {
    for (const index of this.indexes) index.add(doc);
    for (const unique of this.uniques) unique.add(doc);
  }

  /** A new version of a stored doc: each index moves its entries only when the doc's keys in it changed. */
  private reindex(current: ReadDocument, doc: ReadDocument): void {
    for (const index of this.indexes) {
      if (index.replace(current, doc)) continue;
      index.remove(current);
      index.add(doc);
    }
    for (const unique of this.uniques) {
      unique.remove(current);
      unique.add(doc);
    }
  }

  private unindex(doc: ReadDocument): void {
    for (const index of this.indexes) index.remove(doc);
    for (const unique of this.uniques) unique.remove(doc);
  }

  // ---- snapshots ----------------------------------------------------------------------------

  /**
   * The docs (shared: a stored doc never changes), deleted ids and index specs, for a snapshot. The
   * docs come in the order of the first index that gives one (see OrderedIndex.docsInOrder), then
   * any doc it does not hold: the indexes built over them at load then sort runs already in order.
   */
  exportState(): CollectionExport {
    this.buildDeferredIndexes();
    return { name: this.name, indexes: [...this.specs.values()], docs: this.docsInIndexOrder(), tombstones: [...this.tombstones] };
  }

  private docsInIndexOrder(): ReadDocument[] {
    for (const index of this.indexes) {
      const ordered = index.docsInOrder();
      if (!ordered) continue;
      if (ordered.length === this.docs.size) return ordered;
      const filed = new Set(ordered.map((doc) => doc._id));
      for (const doc of this.docs.values()) if (!filed.has(doc._id)) ordered.push(doc);
      return ordered;
    }
    return [...this.docs.values()];
  }

  // ---- reads --------------------------------------------------------------------------------

  read(filter: Filter, options?: FindOptions): PlannedRead {
    this.buildDeferredIndexes();
    return planRead(this.docs, this.indexes, filter, options);
  }
}

/** One collection as a snapshot holds it (see snapshot-file.ts). */
export interface CollectionExport {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  readonly docs: readonly ReadDocument[];
  readonly tombstones: readonly (readonly [string, number])[];
  /** Read from a file: where its frames of docs are (not decoded yet), stored after `docs` when decoded. */
  readonly frames?: readonly FrameRef[];
}

/** A write applies when it carries no position, the target has none, or it is strictly newer. */
function isNewer(position: number | undefined, known: number | undefined): boolean {
  return position === undefined || known === undefined || position > known;
}

function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify(a.keys) === JSON.stringify(b.keys) && Boolean(a.unique) === Boolean(b.unique);
}

/** An index of that name already exists with other keys or options (MongoDB refuses this too). */
export class IndexConflictError extends Error {
  readonly code = 'IndexConflict';
  constructor(
    readonly collection: string,
    readonly index: string,
    detail = 'exists with different keys or options',
  ) {
    super(`index ${index} of ${collection}: ${detail}`);
    this.name = 'IndexConflictError';
  }
}
