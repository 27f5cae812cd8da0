/**
 * A list kept in order by a comparator, stored as chunks of bounded size so an insert or removal
 * moves at most one chunk's worth of elements, not the whole list (a practice can hold 100,000
 * clients). The comparator must be a total order: no two distinct elements may compare equal.
 *
 * Inserts are filed when the list is next used (read, removal, replacement): until then they wait
 * unsorted, so a rebuild, which inserts hundreds of thousands of entries and reads none, sorts each
 * list once instead of searching it at every insert (see `settle`).
 */
export class SortedList<T> {
  private static readonly MAX_CHUNK = 512;
  private chunks: T[][] = [];
  private count = 0;
  /** Inserted, not filed yet (see `settle`); counted in `size`. */
  private pending: T[] | undefined;
  /** The elements by id, once `keepIds` asked for it (see there). */
  private byId: Map<string, T> | undefined;
  private idOf: ((item: T) => string) | undefined;

  constructor(private readonly cmp: (a: T, b: T) => number) {}

  /**
   * A list of `items`, which must already be in order under `cmp` (each distinct): cut into chunks
   * half full, so the inserts that follow split none at first. Building an index this way (sort
   * once, then cut) is several times cheaper than inserting its entries one by one.
   */
  static fromSorted<T>(cmp: (a: T, b: T) => number, items: readonly T[]): SortedList<T> {
    const list = new SortedList(cmp);
    list.chunks = SortedList.halfFullChunks(items);
    list.count = items.length;
    return list;
  }

  get size(): number {
    return this.count;
  }

  /** Adds `item`; it is filed in its place when the list is next used. */
  insert(item: T): void {
    this.byId?.set(this.idOf!(item), item);
    if (this.pending) this.pending.push(item);
    else this.pending = [item];
    this.count += 1;
  }

  /**
   * From now on, keeps the elements by `idOf` too (distinct elements have distinct ids), so `withId`
   * finds one without a search: for a large list whose elements are often looked up by id (the
   * entry of a rewritten document in its practice's group), where a binary search reads about 17
   * scattered elements each time.
   */
  keepIds(idOf: (item: T) => string): void {
    if (this.byId) return;
    const byId = new Map<string, T>();
    for (const chunk of this.chunks) for (const item of chunk) byId.set(idOf(item), item);
    for (const item of this.pending ?? []) byId.set(idOf(item), item);
    this.byId = byId;
    this.idOf = idOf;
  }

  /** The element with that id, when `keepIds` was called; undefined otherwise or when there is none. */
  withId(id: string): T | undefined {
    return this.byId?.get(id);
  }

  /** Whether inserts are waiting to be filed (a use of the list files them first). */
  get unsettled(): boolean {
    return this.pending !== undefined;
  }

  /** Files the waiting inserts now, so the next use does not (see `settle`); true when there were any. */
  fileWaitingInserts(): boolean {
    if (this.pending === undefined) return false;
    this.settle();
    return true;
  }

  /**
   * Files the waiting inserts: a few, one by one (a binary search each); many against the list's size
   * (at least an eighth), sorted once and merged with the list in one pass, which costs fewer
   * comparisons than a search per insert (`log2(size)` each) and moves no element twice.
   */
  private settle(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    const filed = this.count - pending.length;
    if (pending.length <= 8 || pending.length * 8 < filed) {
      for (const item of pending) this.file(item);
      return;
    }
    pending.sort(this.cmp);
    const merged: T[] = [];
    let p = 0;
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.length; i += 1) {
        const item = chunk[i];
        while (p < pending.length && this.cmp(pending[p], item) < 0) merged.push(pending[p++]);
        merged.push(item);
      }
    }
    while (p < pending.length) merged.push(pending[p++]);
    this.chunks = SortedList.halfFullChunks(merged);
  }

  /** `items` (in order) cut into chunks half full, so the inserts that follow split none at first. */
  private static halfFullChunks<T>(items: readonly T[]): T[][] {
    const size = SortedList.MAX_CHUNK >> 1;
    const chunks: T[][] = [];
    for (let from = 0; from < items.length; from += size) chunks.push(items.slice(from, from + size));
    return chunks;
  }

  /** Files one element in its place (counted already). */
  private file(item: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
    } else {
      const c = this.chunkFor(item);
      const chunk = this.chunks[c];
      insertAt(chunk, this.positionIn(chunk, item), item);
      if (chunk.length > SortedList.MAX_CHUNK) this.chunks.splice(c + 1, 0, chunk.splice(chunk.length >> 1));
    }
  }

  /** Removes the element equal to `item` under the comparator; false when there is none. */
  remove(item: T): boolean {
    this.settle();
    if (this.chunks.length === 0) return false;
    const c = this.chunkFor(item);
    const chunk = this.chunks[c];
    const i = this.positionIn(chunk, item);
    if (i >= chunk.length || this.cmp(chunk[i], item) !== 0) return false;
    this.byId?.delete(this.idOf!(chunk[i]));
    removeAt(chunk, i);
    if (chunk.length === 0) this.chunks.splice(c, 1);
    this.count -= 1;
    return true;
  }

  /** The element equal to `item` under the comparator, or undefined. */
  find(item: T): T | undefined {
    this.settle();
    if (this.chunks.length === 0) return undefined;
    const chunk = this.chunks[this.chunkFor(item)];
    const i = this.positionIn(chunk, item);
    return i < chunk.length && this.cmp(chunk[i], item) === 0 ? chunk[i] : undefined;
  }

  /** Puts `item` in the place of the element equal to it under the comparator; false when there is none. */
  replace(item: T): boolean {
    this.settle();
    if (this.chunks.length === 0) return false;
    const chunk = this.chunks[this.chunkFor(item)];
    const i = this.positionIn(chunk, item);
    if (i >= chunk.length || this.cmp(chunk[i], item) !== 0) return false;
    this.byId?.set(this.idOf!(item), item);
    chunk[i] = item;
    return true;
  }

  /** Calls `fn` with each element in order (cheaper than values() where a generator per list would be). */
  forEach(fn: (item: T) => void): void {
    this.settle();
    for (const chunk of this.chunks) for (let i = 0; i < chunk.length; i += 1) fn(chunk[i]);
  }

  *values(reverse = false): IterableIterator<T> {
    this.settle();
    if (!reverse) {
      for (const chunk of this.chunks) yield* chunk;
      return;
    }
    for (let c = this.chunks.length - 1; c >= 0; c -= 1) {
      const chunk = this.chunks[c];
      for (let i = chunk.length - 1; i >= 0; i -= 1) yield chunk[i];
    }
  }

  /**
   * The elements in order, starting at the first one for which `isBefore` is false. `isBefore`
   * must hold for a prefix of the list only (true, ..., true, false, ..., false).
   */
  *valuesFrom(isBefore: (item: T) => boolean): IterableIterator<T> {
    this.settle();
    // The first chunk whose last element is not before: a binary search, `isBefore` holds for a prefix.
    let c = 0;
    let end = this.chunks.length;
    while (c < end) {
      const mid = (c + end) >> 1;
      const chunk = this.chunks[mid];
      if (isBefore(chunk[chunk.length - 1])) c = mid + 1;
      else end = mid;
    }
    if (c === this.chunks.length) return;
    const first = this.chunks[c];
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (isBefore(first[mid])) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < first.length; i += 1) yield first[i];
    for (let k = c + 1; k < this.chunks.length; k += 1) yield* this.chunks[k];
  }

  /** The first chunk whose last element is not below `item` (or the last chunk). */
  private chunkFor(item: T): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid];
      if (this.cmp(chunk[chunk.length - 1], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first position in `chunk` whose element is not below `item`. */
  private positionIn(chunk: readonly T[], item: T): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(chunk[mid], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** `array.splice(i, 0, item)`, about twice as fast in V8 for the chunk sizes used here (no result array). */
function insertAt<T>(array: T[], i: number, item: T): void {
  let j = array.length;
  array.push(item);
  for (; j > i; j -= 1) array[j] = array[j - 1];
  array[i] = item;
}

/** `array.splice(i, 1)` without its result array. */
function removeAt<T>(array: T[], i: number): void {
  const last = array.length - 1;
  for (let j = i; j < last; j += 1) array[j] = array[j + 1];
  array.pop();
}
