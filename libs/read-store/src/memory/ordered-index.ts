import type { IndexSpec, ReadDocument, Sort } from '../read-store.port';
import { LookupValue, lookupValues } from './index-keys';
import { leadingValues } from './leading-values';
import { compareValues, resolvePath } from './mingo-util';
import { SortedList } from './sorted-list';
import type { StringRange } from './filter-bounds';

/** String bounds on the first key of an index (see stringRanges). */
export type KeyRange = StringRange;

interface Entry {
  /** The stored doc: one entry in every group that files it, pointed at each new version with the same keys. */
  doc: ReadDocument;
  /** The doc's values of the index keys after the first, resolved as mingo's $sort resolves them. */
  readonly keys: readonly unknown[];
}

/**
 * A secondary index: docs grouped by the value of the first key, each group kept in the order of
 * the remaining keys (then `_id`). A query with an equality on the first key reads one group
 * instead of the collection; when it also sorts by the remaining keys, it reads the group in
 * order and stops once it has its page, so the first page of a 100,000-client practice costs
 * about a page, not a sort.
 */
export class OrderedIndex {
  readonly leading: string;
  private readonly rest: ReadonlyArray<readonly [string, 1 | -1]>;
  private readonly groups = new Map<LookupValue, SortedList<Entry>>();
  /**
   * The string values of the first key that have a group, in order: a range of them is read by a
   * range scan. Built at the first range read and kept from then on, so an index never read by range
   * (most) pays nothing for it.
   */
  private stringKeys: SortedList<string> | undefined;
  /**
   * How many stored docs hold an array in a key after the first. mingo sorts such docs by comparing
   * whole arrays, an order no group of this index can promise to reproduce, so while any exists a
   * sorted read is left to mingo's $sort (read models keep scalars in their sort keys).
   */
  private arrayKeyed = 0;
  /** How many stored docs hold an array in the first key: a range without `$elemMatch` cannot be read here then. */
  private arrayLeading = 0;

  constructor(readonly spec: IndexSpec) {
    const [first, ...rest] = Object.entries(spec.keys);
    this.leading = first[0];
    this.rest = rest;
  }

  /**
   * Files the inserts waiting in every group (see SortedList.insert), so the first read of a large
   * group after a rebuild does not sort it; returns how many groups had any.
   */
  fileWaitingInserts(): number {
    let filed = 0;
    for (const group of this.groups.values()) if (group.fileWaitingInserts()) filed += 1;
    return filed;
  }

  add(doc: ReadDocument): void {
    const entry = this.entryOf(doc);
    if (entry.keys.some(Array.isArray)) this.arrayKeyed += 1;
    if (this.holdsArray(doc)) this.arrayLeading += 1;
    for (const value of this.valuesOf(doc)) this.addEntry(value, entry);
  }

  /**
   * Files every doc of `docs` in this index, which must be empty (a collection loaded from a
   * snapshot, an index added to a filled collection): each group is sorted once and cut into chunks,
   * instead of one binary-search insert per doc per value.
   */
  addAll(docs: Iterable<ReadDocument>): void {
    if (this.groups.size > 0) {
      for (const doc of docs) this.add(doc);
      return;
    }
    const unsorted = new Map<LookupValue, Entry[]>();
    for (const doc of docs) {
      const entry = this.entryOf(doc);
      if (entry.keys.some(Array.isArray)) this.arrayKeyed += 1;
      if (this.holdsArray(doc)) this.arrayLeading += 1;
      for (const value of lookupValues(doc, this.leading)) {
        const group = unsorted.get(value);
        if (group) group.push(entry);
        else unsorted.set(value, [entry]);
      }
    }
    for (const [value, entries] of unsorted) this.groups.set(value, SortedList.fromSorted(this.compareEntries, entries.sort(this.compareEntries)));
  }

  /**
   * Every doc filed here, group after group, each group in index order; undefined when a doc may be
   * filed under several values (an array or a path at the first key) or the order is `_id` alone. A
   * snapshot holds a collection's docs in this order, so when they are loaded the groups of every
   * index ordered by the same keys after the first come already sorted (sorting a sorted run is one
   * pass). Docs without the first key are not filed, so not here either.
   */
  docsInOrder(): ReadDocument[] | undefined {
    if (this.arrayLeading > 0 || this.rest.length === 0) return undefined;
    const docs: ReadDocument[] = [];
    for (const group of this.groups.values()) group.forEach((entry) => docs.push(entry.doc));
    return docs;
  }

  private addEntry(value: LookupValue, entry: Entry): void {
    let group = this.groups.get(value);
    if (!group) {
      this.groups.set(value, (group = new SortedList(this.compareEntries)));
      if (typeof value === 'string') this.stringKeys?.insert(value);
    }
    group.insert(entry);
  }

  private removeEntry(value: LookupValue, entry: Entry): void {
    const group = this.groups.get(value);
    if (!group) return;
    group.remove(entry);
    if (group.size > 0) return;
    this.groups.delete(value);
    if (typeof value === 'string') this.stringKeys?.remove(value);
  }

  /** `doc` must be the stored doc that was added: stored docs never change, so its keys are the same. */
  remove(doc: ReadDocument): void {
    const entry = this.entryOf(doc);
    if (entry.keys.some(Array.isArray)) this.arrayKeyed -= 1;
    if (this.holdsArray(doc)) this.arrayLeading -= 1;
    for (const value of this.valuesOf(doc)) this.removeEntry(value, entry);
  }

  private valuesOf(doc: ReadDocument): Iterable<LookupValue> {
    return leadingValues(doc, this.leading);
  }

  /**
   * Files `next` where `previous` (the stored doc of the same id) was. When the two hold the same
   * keys after the first, the doc's entry stays where it is in every group (one search finds it and
   * it is pointed at `next`), a value only `previous` held loses its entry and one only `next` holds
   * gains it: a rewrite that adds a tag or a word moves one entry, not every entry of the doc. False,
   * and nothing changed, when a key after the first differs: the caller removes and adds instead.
   */
  replace(previous: ReadDocument, next: ReadDocument): boolean {
    const before = this.entryOf(previous);
    const after = this.entryOf(next);
    for (let i = 0; i < this.rest.length; i += 1) {
      if (Array.isArray(before.keys[i]) || Array.isArray(after.keys[i]) || compareKeys(before.keys[i], after.keys[i]) !== 0) return false;
    }
    const wasArray = this.holdsArray(previous);
    if (wasArray !== this.holdsArray(next)) this.arrayLeading += wasArray ? -1 : 1;
    const nextValues = new Set(this.valuesOf(next));
    // The doc's entry (one object in all its groups), found in the smallest group both versions share.
    let smallest: SortedList<Entry> | undefined;
    for (const value of this.valuesOf(previous)) {
      if (!nextValues.delete(value)) {
        this.removeEntry(value, before);
        continue;
      }
      const group = this.groups.get(value);
      if (group === undefined) throw new Error(`index ${this.spec.name}: the stored doc ${previous._id} was not filed`);
      if (smallest === undefined || group.size < smallest.size) smallest = group;
    }
    // A large group keeps its entries by doc id from its first such search on (see SortedList.keepIds).
    if (smallest !== undefined && smallest.size >= KEEP_IDS_FROM) smallest.keepIds(entryId);
    const filed = smallest?.withId(previous._id) ?? smallest?.find(before);
    if (smallest !== undefined && filed === undefined) throw new Error(`index ${this.spec.name}: the stored doc ${previous._id} was not filed`);
    if (filed !== undefined) filed.doc = next;
    for (const value of nextValues) this.addEntry(value, filed ?? after);
    return true;
  }

  /** Whether a range of the first key's values can be read here for `range` (see StringRange.elementwise). */
  canReadRange(range: KeyRange): boolean {
    return range.elementwise || this.arrayLeading === 0;
  }

  /** An array at the first key, or (a dotted key) anywhere on its path: its values may come from several elements. */
  private holdsArray(doc: ReadDocument): boolean {
    return this.leading.includes('.') || Array.isArray(doc[this.leading]);
  }

  /**
   * The docs filed under a string value of the first key in the range, each once, in no promised
   * order; undefined once the range holds more than `cap` entries (a planner only reads a small range).
   * The groups are counted before any doc is collected, so a range found too large costs its keys only.
   */
  rangeDocs(range: KeyRange, cap = Infinity): ReadDocument[] | undefined {
    const groups: SortedList<Entry>[] = [];
    let entries = 0;
    for (const value of this.keysIn(range)) {
      const group = this.groups.get(value);
      if (!group) continue;
      entries += group.size;
      if (entries > cap) return undefined;
      groups.push(group);
    }
    const docs: ReadDocument[] = [];
    const seen = groups.length > 1 ? new Set<string>() : undefined;
    for (const group of groups) {
      group.forEach(({ doc }) => {
        if (seen) {
          if (seen.has(doc._id)) return;
          seen.add(doc._id);
        }
        docs.push(doc);
      });
    }
    return docs;
  }

  private *keysIn(range: KeyRange): IterableIterator<string> {
    const { from, fromInclusive, to, toInclusive } = range;
    if (!this.stringKeys) {
      const keys = [...this.groups.keys()].filter((key): key is string => typeof key === 'string').sort();
      this.stringKeys = new SortedList<string>(compareStrings);
      for (const key of keys) this.stringKeys.insert(key);
    }
    for (const value of this.stringKeys.valuesFrom((key) => key < from || (!fromInclusive && key === from))) {
      if (value > to || (!toInclusive && value === to)) return;
      yield value;
    }
  }

  /** How many docs `docs(values)` yields at most: lets the planner pick the most selective index. */
  sizeFor(values: readonly LookupValue[]): number {
    let total = 0;
    for (const value of values) total += this.groups.get(value)?.size ?? 0;
    return total;
  }

  /** The docs filed under any of `values`, each once, in no promised order. */
  *docs(values: readonly LookupValue[]): IterableIterator<ReadDocument> {
    const seen = values.length > 1 ? new Set<string>() : undefined;
    for (const value of values) {
      for (const entry of this.groups.get(value)?.values() ?? []) {
        if (seen?.has(entry.doc._id)) continue;
        seen?.add(entry.doc._id);
        yield entry.doc;
      }
    }
  }

  /**
   * The docs filed under `value` in index order, or reversed. `from`, a lower bound the filter
   * puts on the second index key, lets a forward read over an ascending key skip the docs below
   * it (a deep keyset page starts where the previous one ended, not at the practice's first client).
   */
  *ordered(value: LookupValue, reverse: boolean, from?: string | number): IterableIterator<ReadDocument> {
    const group = this.groups.get(value);
    if (!group) return;
    const canSeek = from !== undefined && !reverse && this.rest.length > 0 && this.rest[0][1] === 1;
    const entries = canSeek ? group.valuesFrom((entry) => compareValues(entry.keys[0], from) < 0) : group.values(reverse);
    for (const entry of entries) yield entry.doc;
  }

  /** The field a sorted read orders by first, on which a lower bound lets it seek. */
  get secondKey(): string | undefined {
    return this.rest[0]?.[0];
  }

  /**
   * Whether one group read in order satisfies `sort`: the sort names the keys after the first,
   * in index order, optionally followed by `_id`, all in the index's directions (1) or all
   * reversed (-1). Undefined when it does not.
   */
  directionFor(sort: Sort): 1 | -1 | undefined {
    const wanted = Object.entries(sort);
    if (wanted.length === 0 || wanted.length > this.rest.length + 1 || this.arrayKeyed > 0) return undefined;
    let direction: 1 | -1 | undefined;
    for (let i = 0; i < wanted.length; i += 1) {
      const [field, dir] = wanted[i];
      const [indexField, indexDir] = i < this.rest.length ? this.rest[i] : (['_id', 1] as const);
      if (field !== indexField) return undefined;
      const sign = dir === indexDir ? 1 : -1;
      if (direction !== undefined && sign !== direction) return undefined;
      direction = sign;
    }
    return direction;
  }

  private entryOf(doc: ReadDocument): Entry {
    // A top-level field is what mingo's resolve gives for it, read without the walk.
    return { doc, keys: this.rest.map(([field]) => (field.includes('.') ? resolvePath(doc, field) : doc[field])) };
  }

  private readonly compareEntries = (a: Entry, b: Entry): number => {
    for (let i = 0; i < this.rest.length; i += 1) {
      const c = compareKeys(a.keys[i], b.keys[i]);
      if (c !== 0) return c * this.rest[i][1];
    }
    return a.doc._id < b.doc._id ? -1 : a.doc._id > b.doc._id ? 1 : 0;
  };
}

/** From this group size on, a rewrite finds a doc's entry by id rather than by a binary search. */
const KEEP_IDS_FROM = 4096;
const entryId = (entry: Entry): string => entry.doc._id;

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * mingo's order, with the common case (two strings, two numbers) decided here: it gives what
 * mingo's compare gives for them, and index upkeep runs it a few dozen times per write.
 */
function compareKeys(a: unknown, b: unknown): number {
  if ((typeof a === 'string' && typeof b === 'string') || (typeof a === 'number' && typeof b === 'number' && a === a && b === b)) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return compareValues(a, b);
}
