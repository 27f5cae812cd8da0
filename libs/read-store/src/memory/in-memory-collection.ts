import { Query } from 'mingo';
import {
  DuplicateKeyError,
  Filter,
  FindOptions,
  ImmediateCollection,
  IndexSpec,
  Projection,
  ReadDocument,
  Sort,
  WriteOp,
} from '../read-store.port';
import { CollectionState } from './collection-state';
import { QueryPlan } from './query-plan';
import { copyDocument } from './copy-document';
import { compileFilter } from './filter-match';
import { compareValues } from './mingo-util';

/** How a handle reaches its collection's data: resolved on every call, so a handle outlives drop(). */
export interface CollectionHost {
  stateOf(name: string, create: boolean): CollectionState | undefined;
  dropState(name: string): void;
}

/**
 * A collection of the in-memory store. Filters, sorting and projection are mingo's (MongoDB's
 * semantics); this class only narrows candidates through indexes and copies docs across the
 * boundary so callers never hold stored objects.
 */
export class InMemoryCollection<TDoc extends ReadDocument = ReadDocument> implements ImmediateCollection<TDoc> {
  constructor(private readonly host: CollectionHost, readonly name: string) {}

  async get(id: string): Promise<TDoc | null> {
    const doc = this.host.stateOf(this.name, false)?.docs.get(id);
    return doc ? copy(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, TDoc>> {
    return this.getManyNow(ids);
  }

  getManyNow(ids: readonly string[]): Map<string, TDoc> {
    const docs = this.host.stateOf(this.name, false)?.docs;
    const found = new Map<string, TDoc>();
    for (const id of ids) {
      const doc = docs?.get(id);
      if (doc && !found.has(id)) found.set(id, copy(doc));
    }
    return found;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<TDoc[]> {
    const state = this.host.stateOf(this.name, false);
    if (!state) return [];
    const { plan, docs } = state.read(filter, options);
    const query = compile(filter);
    const sort = options.sort && Object.keys(options.sort).length > 0 ? options.sort : undefined;
    // Docs read from an index in sort order need no sort, so the read can stop at the end of the page.
    const page = sort && !plan.sorted ? sortedPage(query, docs, sort, options) : firstMatches(query, docs, options);
    if (!options.projection) return page.map((doc) => copy(doc));
    const fields = includedFields(options.projection);
    if (fields) return page.map((doc) => pick(doc, fields) as TDoc);
    return new Query({}).find<ReadDocument>(page, options.projection).all().map((doc) => copy(doc));
  }

  async count(filter: Filter): Promise<number> {
    const state = this.host.stateOf(this.name, false);
    if (!state) return 0;
    const query = compile(filter);
    let count = 0;
    for (const doc of state.read(filter).docs) if (query.test(doc)) count += 1;
    return count;
  }

  /** Which index a filter would use and how many docs it would test: for tests and diagnostics. */
  explain(filter: Filter, options?: FindOptions): QueryPlan {
    return this.host.stateOf(this.name, false)?.read(filter, options).plan ?? { index: null, candidates: 0, sorted: false };
  }

  /**
   * Applies the ops in order. Like a MongoDB unordered bulk, an op refused by a unique index does
   * not stop the others: every other op applies, then the first DuplicateKeyError is thrown.
   * A malformed bulk (e.g. two ops on one id) is refused whole before anything applies. A doc handed
   * over (`handOver`) is kept as it is (the store sets `_position` on it); every other doc is copied whole.
   */
  async bulkWrite(ops: readonly WriteOp[]): Promise<void> {
    this.bulkWriteNow(ops);
  }

  bulkWriteNow(ops: readonly WriteOp[]): void {
    validateBulk(ops);
    if (ops.length === 0) return;
    const state = this.host.stateOf(this.name, true)!;
    let firstError: DuplicateKeyError | undefined;
    for (const op of ops) {
      try {
        if (op.kind === 'put') state.put(op.handOver ? op.doc : copy(op.doc), op.position);
        else state.delete(op.id, op.position);
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        firstError ??= error;
      }
    }
    if (firstError) throw firstError;
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    const state = this.host.stateOf(this.name, true)!;
    for (const spec of indexes) state.addIndex(spec);
  }

  async drop(): Promise<void> {
    this.host.dropState(this.name);
  }
}

/** What find and count need of a compiled filter: mingo's Query, or a plain predicate (filter-match.ts). */
interface Matcher {
  test(doc: ReadDocument): boolean;
}

function compile(filter: Filter): Matcher {
  const test = compileFilter(filter);
  if (test) return { test };
  // No $where / $function: filters may be built from request input, and code must not run from it.
  return new Query(filter, { scriptEnabled: false });
}

/**
 * mingo's sort, skip and limit over every match. Sorting by top-level fields that hold no array in
 * any candidate, it sorts here with mingo's compare (the order mingo's $sort gives them, as the indexes
 * keep it), a good deal faster than mingo's cursor; anything else goes through mingo's cursor. A paged
 * read (a limit) orders the candidates first and tests them in that order until the page is full: a
 * compare of two sort keys costs far less than mingo's test of a filter, so a range of a few hundred
 * candidates (a search by a long prefix) costs a sort of their keys and the tests of about a page
 * (up to SORT_FIRST_AT candidates; a larger set, a scan, is tested first as before).
 */
function sortedPage(query: Matcher, docs: Iterable<ReadDocument>, sort: Sort, options: FindOptions): ReadDocument[] {
  const keys = Object.entries(sort);
  if (keys.every(([field]) => !field.includes('.'))) {
    const all = [...docs];
    const limit = all.length <= SORT_FIRST_AT ? limitOf(options) : undefined;
    const candidates = limit !== undefined ? all : all.filter((doc) => query.test(doc));
    if (!candidates.some((doc) => keys.some(([field]) => Array.isArray(doc[field])))) {
      candidates.sort((a, b) => {
        for (const [field, direction] of keys) {
          const c = compareValues(a[field], b[field]);
          if (c !== 0) return direction === -1 ? -c : c;
        }
        return 0;
      });
      if (limit !== undefined) return firstMatches(query, candidates, options);
      const skip = options.skip ?? 0;
      const pageSize = limitOf(options);
      return candidates.slice(skip, pageSize === undefined ? undefined : skip + pageSize);
    }
    return mingoSortedPage(limit !== undefined ? query : new Query({}), candidates, sort, options);
  }
  return mingoSortedPage(query, docs, sort, options);
}

/**
 * The most candidates a paged read sorts before testing them (a range is read up to 16,000): beyond,
 * with a selective filter, the sort would cost more than the tests it saves.
 */
const SORT_FIRST_AT = 16_000;

function mingoSortedPage(query: Matcher, docs: Iterable<ReadDocument>, sort: Sort, options: FindOptions): ReadDocument[] {
  const cursor = query instanceof Query ? query.find<ReadDocument>(docs).sort(sort) : new Query({}).find<ReadDocument>(matching(query, docs)).sort(sort);
  if (options.skip) cursor.skip(options.skip);
  const limit = limitOf(options);
  if (limit !== undefined) cursor.limit(limit);
  return cursor.all();
}

function matching(query: Matcher, docs: Iterable<ReadDocument>): ReadDocument[] {
  const matches: ReadDocument[] = [];
  for (const doc of docs) if (query.test(doc)) matches.push(doc);
  return matches;
}

/**
 * The page of matches in the order the docs come. Counted here rather than with mingo's
 * skip/limit, which keep testing every remaining doc after the page is full.
 */
function firstMatches(query: Matcher, docs: Iterable<ReadDocument>, options: FindOptions): ReadDocument[] {
  let toSkip = options.skip ?? 0;
  const limit = limitOf(options) ?? Infinity;
  const page: ReadDocument[] = [];
  for (const doc of docs) {
    if (!query.test(doc)) continue;
    if (toSkip > 0) {
      toSkip -= 1;
      continue;
    }
    page.push(doc);
    if (page.length >= limit) break;
  }
  return page;
}

/**
 * The fields of an inclusion projection of top-level fields (`{a: 1, b: 1}`, `_id` included unless
 * `_id: 0`), in MongoDB's order of the result (`_id` first); undefined for any other projection (an
 * exclusion, a dotted path), which mingo projects.
 */
function includedFields(projection: Projection): string[] | undefined {
  const fields: string[] = [];
  let id = true;
  for (const field in projection) {
    const value = projection[field];
    if (field === '_id') id = Boolean(value);
    else if (value !== 1 && (value as unknown) !== true) return undefined;
    else if (field.includes('.') || field.startsWith('$')) return undefined;
    else fields.push(field);
  }
  if (fields.length === 0) return undefined;
  return id ? ['_id', ...fields] : fields;
}

/**
 * A stored doc's projection, its fields copied straight from the stored doc (no copy of the fields
 * the projection leaves out): a list row reads a few fields of a doc that holds its index keys too.
 */
function pick(doc: ReadDocument, fields: readonly string[]): ReadDocument {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = doc[field];
    if (value !== undefined) result[field] = copyDocument(value);
  }
  return result as ReadDocument;
}

/** MongoDB reads a limit of 0 as "no limit" and a negative one as its absolute value. */
function limitOf(options: FindOptions): number | undefined {
  return options.limit ? Math.abs(options.limit) : undefined;
}

function copy<T>(doc: ReadDocument): T {
  return copyDocument(doc) as unknown as T;
}

/** A bulk the port does not allow: refused before any op applies. */
export class InvalidBulkError extends Error {
  readonly code = 'InvalidBulk';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBulkError';
  }
}

/** Refuses what the port does not allow before any op applies: the rules of every adapter (MongoDB's too). */
export function validateBulk(ops: readonly WriteOp[]): void {
  const seen = new Set<string>();
  for (const op of ops) {
    const id = op.kind === 'put' ? op.doc?._id : op.kind === 'delete' ? op.id : undefined;
    if (typeof id !== 'string') throw new InvalidBulkError(`every op needs a string id (kind ${String(op.kind)})`);
    if (seen.has(id)) throw new InvalidBulkError(`more than one op for id ${id} in one bulk`);
    if (op.position !== undefined && !Number.isFinite(op.position)) {
      throw new InvalidBulkError(`position of the op for ${id} is not a finite number`);
    }
    seen.add(id);
  }
}
