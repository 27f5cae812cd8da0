import type { Filter } from '../read-store.port';
import { compareValues } from './mingo-util';

type Bound = string | number;

/**
 * A value every doc matching `filter` holds at `field` or above, when the filter implies one:
 * `{f: {$gt|$gte|$eq: v}}`, `{f: v}`, `{f: {$in: [...]}}`, through `$and`, and through a `$or`
 * whose every branch has one (the keyset cursor `$or: [{f: {$gt: s}}, {f: s, _id: {$gt: id}}]`).
 * Only strings and numbers: in mingo's order everything sorted below such a bound (missing,
 * null, smaller numbers or strings) can never satisfy those operators, so an ordered read may
 * start at the bound instead of at the first doc. Arrays sort above strings, so a multikey doc
 * that could match through one element is never skipped.
 */
export function lowerBound(filter: Filter, field: string): Bound | undefined {
  let best: Bound | undefined;
  for (const [key, condition] of Object.entries(filter)) {
    let bound: Bound | undefined;
    if (key === field) bound = conditionBound(condition);
    else if (key === '$and' && Array.isArray(condition)) bound = max(condition.map((c) => asFilterBound(c, field)));
    else if (key === '$or' && Array.isArray(condition)) bound = minOfAll(condition.map((c) => asFilterBound(c, field)));
    best = max([best, bound]);
  }
  return best;
}

function asFilterBound(clause: unknown, field: string): Bound | undefined {
  return isPlainObject(clause) ? lowerBound(clause, field) : undefined;
}

function conditionBound(condition: unknown): Bound | undefined {
  if (isBound(condition)) return condition;
  if (!isPlainObject(condition)) return undefined;
  const bounds: (Bound | undefined)[] = [];
  for (const op of ['$gt', '$gte', '$eq'] as const) {
    if (isBound(condition[op])) bounds.push(condition[op] as Bound);
  }
  const list = condition.$in;
  if (Array.isArray(list) && list.length > 0 && list.every(isBound)) bounds.push(minOfAll(list));
  return max(bounds);
}

function max(bounds: readonly (Bound | undefined)[]): Bound | undefined {
  let best: Bound | undefined;
  for (const bound of bounds) {
    if (bound !== undefined && (best === undefined || compareValues(bound, best) > 0)) best = bound;
  }
  return best;
}

/** The smallest bound, or undefined when any branch has none (that branch could match anything). */
function minOfAll(bounds: readonly (Bound | undefined)[]): Bound | undefined {
  if (bounds.length === 0 || bounds.some((bound) => bound === undefined)) return undefined;
  let best = bounds[0] as Bound;
  for (const bound of bounds as Bound[]) if (compareValues(bound, best) < 0) best = bound;
  return best;
}

function isBound(value: unknown): value is Bound {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** String bounds on a field: `{f: {$gte|$gt: from, $lt|$lte: to}}`. */
export interface StringRange {
  readonly from: string;
  readonly fromInclusive: boolean;
  readonly to: string;
  readonly toInclusive: boolean;
  /**
   * Given as `{f: {$elemMatch: {...}}}`: one element of an array must be within both bounds. Without
   * it, on an array each bound may be met by another element (MongoDB's and mingo's semantics), so
   * only an index whose field never holds an array can read the range for it.
   */
  readonly elementwise: boolean;
}

/**
 * The fields a filter bounds on both sides by strings, at the top or inside a top-level `$and`
 * (`{f: {$elemMatch: {$gte: 'p|grace.h', $lt: 'p|grace.h\uffff'}}}`, a prefix as a range): a doc can
 * match only through a string value of `f` within the bounds (a comparison with a string matches
 * strings only), so an index on `f` can read that range instead of the collection.
 */
export function stringRanges(filter: Filter, into = new Map<string, StringRange>()): Map<string, StringRange> {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) stringRanges(clause, into);
    } else if (!field.startsWith('$') && isPlainObject(condition)) {
      const elements = condition.$elemMatch;
      const range = isPlainObject(elements) && Object.keys(condition).length === 1 ? rangeOf(elements, true) : rangeOf(condition, false);
      if (range && !into.has(field)) into.set(field, range);
    }
  }
  return into;
}

function rangeOf(condition: Record<string, unknown>, elementwise: boolean): StringRange | undefined {
  const from = typeof condition.$gte === 'string' ? condition.$gte : typeof condition.$gt === 'string' ? condition.$gt : undefined;
  const to = typeof condition.$lt === 'string' ? condition.$lt : typeof condition.$lte === 'string' ? condition.$lte : undefined;
  if (from === undefined || to === undefined) return undefined;
  return { from, fromInclusive: typeof condition.$gte === 'string', to, toInclusive: typeof condition.$lt !== 'string', elementwise };
}
