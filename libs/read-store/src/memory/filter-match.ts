import { Query } from 'mingo';
import type { Filter, ReadDocument } from '../read-store.port';

/** A compiled filter: true when a doc matches. */
export type DocTest = (doc: ReadDocument) => boolean;

type Scalar = string | boolean | number;
type ValueTest = (value: unknown) => boolean;

/**
 * The filters a list read builds, compiled to plain predicates with mingo's (MongoDB's) semantics:
 * top-level fields (no dotted path) equal to a string, boolean or finite number; `$gt`/`$gte`/`$lt`/
 * `$lte`/`$eq` with a string; `$regex` with a string and no options; `$elemMatch` of string bounds;
 * `$and` / `$or` of those. An array field matches when one element does. Anything else: undefined
 * (mingo compiles it). mingo builds a context of every operator per query and per `$and`/`$or`
 * branch, the larger part of the garbage of a list read; this builds a closure per condition.
 */
export function compileFilter(filter: Filter): DocTest | undefined {
  const test = compileDocTest(filter);
  if (!test) return undefined;
  let mingo: Query | undefined;
  return (doc) => {
    try {
      return test(doc);
    } catch (error) {
      if (error !== UNSURE) throw error;
      mingo ??= new Query(filter, { scriptEnabled: false });
      return mingo.test(doc);
    }
  };
}

/** Thrown by a test on a value whose match mingo decides (an array inside an array under `$elemMatch`). */
const UNSURE = Symbol('unsure');

function compileDocTest(filter: Filter): DocTest | undefined {
  const tests: DocTest[] = [];
  for (const key in filter) {
    const condition = filter[key];
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(condition) || condition.length === 0) return undefined;
      const branches: DocTest[] = [];
      for (const branch of condition) {
        if (typeof branch !== 'object' || branch === null || Array.isArray(branch)) return undefined;
        const test = compileDocTest(branch as Filter);
        if (!test) return undefined;
        branches.push(test);
      }
      tests.push(key === '$and' ? allOf(branches) : anyOf(branches));
    } else {
      if (key.startsWith('$') || key.includes('.') || key.length === 0) return undefined;
      const test = compileCondition(condition);
      if (!test) return undefined;
      tests.push((doc) => test(doc[key]));
    }
  }
  return allOf(tests);
}

function allOf(tests: readonly DocTest[]): DocTest {
  if (tests.length === 1) return tests[0];
  return (doc) => {
    for (const test of tests) if (!test(doc)) return false;
    return true;
  };
}

function anyOf(tests: readonly DocTest[]): DocTest {
  return (doc) => {
    for (const test of tests) if (test(doc)) return true;
    return false;
  };
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** A field's condition: a value tested on the field, or on each element of an array field. */
function compileCondition(condition: unknown): ValueTest | undefined {
  if (isScalar(condition)) return orElement((value) => value === condition);
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
  const operators = condition as Record<string, unknown>;
  const keys = Object.keys(operators);
  if (keys.length === 0) return undefined;
  if (keys.length === 1 && keys[0] === '$elemMatch') {
    const element = compileBounds(operators.$elemMatch);
    if (!element) return undefined;
    return (value) => {
      if (!Array.isArray(value)) return false;
      for (const item of value) {
        if (Array.isArray(item)) throw UNSURE;
        if (element(item)) return true;
      }
      return false;
    };
  }
  // Without $elemMatch each operator may hold for another element of an array (MongoDB's rule).
  const tests: ValueTest[] = [];
  for (const operator of keys) {
    const test = compileBounds({ [operator]: operators[operator] });
    if (!test) return undefined;
    tests.push(orElement(test));
  }
  return tests.length === 1 ? tests[0] : (value) => tests.every((test) => test(value));
}

/** `$eq`, `$gt`, `$gte`, `$lt`, `$lte` with strings and `$regex` with a string: all must hold for one value. */
function compileBounds(condition: unknown): ValueTest | undefined {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
  const tests: ValueTest[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (typeof operand !== 'string') return undefined;
    if (operator === '$regex') {
      const pattern = regExpOf(operand);
      if (!pattern) return undefined;
      tests.push((value) => typeof value === 'string' && pattern.test(value));
      continue;
    }
    const compare = COMPARISONS.get(operator);
    if (!compare) return undefined;
    tests.push((value) => typeof value === 'string' && compare(value, operand));
  }
  if (tests.length === 0) return undefined;
  return tests.length === 1 ? tests[0] : (value) => tests.every((test) => test(value));
}

const COMPARISONS = new Map<string, (a: string, b: string) => boolean>([
  ['$eq', (a, b) => a === b],
  ['$gt', (a, b) => a > b],
  ['$gte', (a, b) => a >= b],
  ['$lt', (a, b) => a < b],
  ['$lte', (a, b) => a <= b],
]);

/** A pattern mingo would refuse is left to mingo (which answers as it does). */
function regExpOf(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function orElement(test: ValueTest): ValueTest {
  return (value) => {
    if (!Array.isArray(value)) return test(value);
    for (const item of value) if (test(item)) return true;
    return false;
  };
}
