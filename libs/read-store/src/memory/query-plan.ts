import type { Filter, FindOptions, ReadDocument } from '../read-store.port';
import { lowerBound, stringRanges } from './filter-bounds';
import { filterEqualities } from './filter-equalities';
import { LookupValue } from './index-keys';
import { OrderedIndex } from './ordered-index';

/** What a query reads: which index (`_id_` for ids, null for a scan), how many docs, and whether in sort order. */
export interface QueryPlan {
  readonly index: string | null;
  readonly candidates: number;
  /** The docs come in the requested sort order, so the query can stop after its page. */
  readonly sorted: boolean;
}

export interface PlannedRead {
  readonly plan: QueryPlan;
  /** A superset of the matches: the filter still runs on each. */
  readonly docs: Iterable<ReadDocument>;
}

/** Below this many candidates, sorting them is cheap enough that selectivity alone decides. */
const SMALL_ENOUGH_TO_SORT = 2_000;

interface Option {
  readonly index: OrderedIndex;
  readonly values: readonly LookupValue[];
  readonly size: number;
  readonly direction: 1 | -1 | undefined;
  /** A range scan over the first key's string values instead of an equality's groups (never in sort order): its docs. */
  readonly range?: readonly ReadDocument[];
}

/**
 * Chooses how to read a filter's candidates: by `_id`, through the index with the fewest docs
 * under the filter's equalities (preferring, for a paged sorted query, one that already holds the
 * docs in sort order), or by scanning the collection.
 */
export function planRead(
  docs: ReadonlyMap<string, ReadDocument>,
  indexes: readonly OrderedIndex[],
  filter: Filter,
  options: FindOptions = {},
): PlannedRead {
  const equalities = filterEqualities(filter);
  const ids = equalities.get('_id');
  if (ids) return byIds(docs, ids);
  const equalityOptions = optionsFor(indexes, equalities, options);
  const choice = choose([...equalityOptions, ...rangeOptions(indexes, filter, equalities, rangeCap(equalityOptions, options))], options);
  if (!choice) return { plan: { index: null, candidates: docs.size, sorted: false }, docs: docs.values() };
  if (choice.range) {
    return { plan: { index: choice.index.spec.name, candidates: choice.size, sorted: false }, docs: choice.range };
  }
  if (choice.direction === undefined) {
    return { plan: { index: choice.index.spec.name, candidates: choice.size, sorted: false }, docs: choice.index.docs(choice.values) };
  }
  const second = choice.index.secondKey;
  const from = second === undefined ? undefined : lowerBound(filter, second);
  return {
    plan: { index: choice.index.spec.name, candidates: choice.size, sorted: true },
    docs: choice.index.ordered(choice.values[0], choice.direction === -1, from),
  };
}

function byIds(docs: ReadonlyMap<string, ReadDocument>, ids: readonly LookupValue[]): PlannedRead {
  const found = new Map<string, ReadDocument>();
  for (const id of ids) {
    const doc = typeof id === 'string' ? docs.get(id) : undefined;
    if (doc) found.set(id as string, doc);
  }
  return { plan: { index: '_id_', candidates: found.size, sorted: false }, docs: found.values() };
}

function optionsFor(
  indexes: readonly OrderedIndex[],
  equalities: ReadonlyMap<string, readonly LookupValue[]>,
  options: FindOptions,
): Option[] {
  const result: Option[] = [];
  for (const index of indexes) {
    const values = equalities.get(index.leading);
    if (!values) continue;
    const ordered = values.length === 1 && options.sort ? index.directionFor(options.sort) : undefined;
    result.push({ index, values, size: index.sizeFor(values), direction: ordered });
  }
  return result;
}

/**
 * Range scans over an index's first key (`{f: {$gte: a, $lt: b}}` with strings), for indexes no
 * equality already narrows. Sized up to a cap: a range worth reading unsorted is a small one.
 */
function rangeOptions(indexes: readonly OrderedIndex[], filter: Filter, equalities: ReadonlyMap<string, readonly LookupValue[]>, cap: number): Option[] {
  const ranges = stringRanges(filter);
  if (ranges.size === 0) return [];
  const result: Option[] = [];
  for (const index of indexes) {
    const range = ranges.get(index.leading);
    if (!range || equalities.has(index.leading) || !index.canReadRange(range)) continue;
    const docs = index.rangeDocs(range, cap);
    if (docs) result.push({ index, values: [], size: docs.length, direction: undefined, range: docs });
  }
  return result;
}

/**
 * The most entries a range is read for: beyond what choose() would still prefer to the smallest
 * sorted group of a paged query (`alan.` does not read its 3,125 words to choose `ala`), and never
 * beyond RANGE_SIZE_CAP.
 */
function rangeCap(equalityOptions: readonly Option[], find: FindOptions): number {
  if (!find.limit) return RANGE_SIZE_CAP;
  let sorted = Infinity;
  for (const option of equalityOptions) if (option.direction !== undefined) sorted = Math.min(sorted, option.size);
  return Math.min(RANGE_SIZE_CAP, Math.floor((sorted + Math.abs(find.limit)) / 2));
}

/** Reading a range stops here: a larger one is not read (an equality's group or a scan is). */
const RANGE_SIZE_CAP = SMALL_ENOUGH_TO_SORT * 8;

function choose(options: readonly Option[], find: FindOptions): Option | undefined {
  let smallest: Option | undefined;
  let smallestSorted: Option | undefined;
  for (const option of options) {
    if (!smallest || option.size < smallest.size) smallest = option;
    if (option.direction !== undefined && (!smallestSorted || option.size < smallestSorted.size)) smallestSorted = option;
  }
  if (!smallest || !smallestSorted) return smallest;
  if (smallest.range && find.limit && smallestSorted.size > smallest.size) {
    // Every match is in the range. Read in order, the sorted group may test every doc outside the
    // range before the page (matches cluster in sort order: `hopper` sorts after every `hopcroft`
    // of the `hop` group); the range tests and sorts its own docs. `alan.` reads the `ala` group
    // (nearly all of it matches), `grace.h` and `hopper` their words rather than `gra` and `hop`.
    const sortedReads = smallestSorted.size - smallest.size + Math.abs(find.limit);
    return smallest.size <= sortedReads ? smallest : smallestSorted;
  }
  // The same number of docs, already in order: nothing left to sort.
  if (smallestSorted.size <= smallest.size) return smallestSorted;
  // A sorted read tests docs only until it has its page, a sort orders every candidate: with a
  // limit the sorted read wins, unless another index leaves so few candidates that sorting is cheap.
  if (find.limit && smallest.size > SMALL_ENOUGH_TO_SORT) return smallestSorted;
  return smallest;
}
