import type { ReadDocument } from '../read-store.port';

/** A value an equality lookup can key a Map on: what `{field: value}` compares against. */
export type LookupValue = string | number | boolean;

export function isLookupValue(value: unknown): value is LookupValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Every scalar reachable at `field` in `doc`, arrays flattened at any depth. A doc matches
 * `{field: v}` (v a scalar) only if v is among them, so the lookup built from these values can
 * narrow a query's candidates without losing a match. Collecting a few values too many (e.g. from
 * nested arrays MongoDB would not traverse) is harmless: the filter still runs on every candidate.
 */
export function lookupValues(doc: ReadDocument, field: string): Iterable<LookupValue> {
  // The common case (a top-level scalar such as practiceId) without allocating a walk.
  const direct = field.includes('.') ? undefined : doc[field];
  if (isLookupValue(direct)) return [direct];
  // A top-level array of scalars (segments, search keys): its distinct values, without the walk.
  if (Array.isArray(direct) && direct.every(isLookupValue)) return new Set(direct as LookupValue[]);
  const values = new Set<LookupValue>();
  for (const value of valuesAt(doc, field)) collectScalars(value, values);
  return values;
}

/**
 * The values a dotted path reaches, walking into arrays as MongoDB does (`members.id` reads `id`
 * of every element of `members`); a numeric segment also addresses an array element. Empty when
 * the path reaches nothing.
 */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    current = current.flatMap((value) => step(value, segment));
  }
  return current;
}

function step(value: unknown, segment: string): unknown[] {
  if (Array.isArray(value)) {
    const element = /^\d+$/.test(segment) ? [value[Number(segment)]] : [];
    return [...element, ...value.flatMap((item) => (isObject(item) ? step(item, segment) : []))].filter(
      (v) => v !== undefined,
    );
  }
  if (!isObject(value)) return [];
  const next = (value as Record<string, unknown>)[segment];
  return next === undefined ? [] : [next];
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function collectScalars(value: unknown, into: Set<LookupValue>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectScalars(item, into);
  } else if (isLookupValue(value)) {
    into.add(value);
  }
}

/** One entry of a unique index: `hash` compares entries, `values` are the key's values in index order. */
export interface IndexKey {
  readonly hash: string;
  readonly values: readonly unknown[];
}

/**
 * The keys a doc occupies in a unique index, as MongoDB builds them: a missing field counts as
 * null (so only one doc may lack it), and an array field contributes one key per element
 * (a multikey index), which is why a doc can hold several keys.
 */
export function uniqueIndexKeys(doc: ReadDocument, fields: readonly string[]): IndexKey[] {
  const scalars = topLevelScalars(doc, fields);
  if (scalars) return [{ hash: JSON.stringify(scalars), values: scalars }];
  let tuples: unknown[][] = [[]];
  for (const field of fields) {
    const options = elementsOf(valuesAt(doc, field));
    tuples = tuples.flatMap((tuple) => options.map((option) => [...tuple, option]));
  }
  const keys = new Map<string, IndexKey>();
  for (const values of tuples) {
    const hash = JSON.stringify(values);
    if (!keys.has(hash)) keys.set(hash, { hash, values });
  }
  return [...keys.values()];
}

/** The values of top-level scalar (or missing) fields, or undefined when any field needs a walk. */
function topLevelScalars(doc: ReadDocument, fields: readonly string[]): unknown[] | undefined {
  const values: unknown[] = [];
  for (const field of fields) {
    if (field.includes('.')) return undefined;
    const value = doc[field];
    if (value === undefined || value === null) values.push(null);
    else if (isLookupValue(value)) values.push(value);
    else return undefined;
  }
  return values;
}

function elementsOf(reached: unknown[]): unknown[] {
  const elements = reached.flatMap((value) => (Array.isArray(value) ? value : [value]));
  return elements.length > 0 ? elements : [null];
}
