/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * `explain` of a `find`, at queryPlanner verbosity: the plan MongoDB's planner picks for the simple
 * shapes read models send, so a spec can assert that a query is answerable from an index. An index is
 * a candidate when the filter holds an equality on its first field (at the top or in an `$and`), or
 * bounds it on both sides (`{f: {$gte: a, $lt: b}}`, an IXSCAN over that range). Like MongoDB's trial
 * run, which keeps the plan that examines the fewest keys for its results, the candidate with the
 * fewest documents under its equality wins, one whose remaining fields are the sort (no blocking sort)
 * before one that is not, unless one that is not examines fewer keys than it and few enough to be
 * sorted within the trial (TRIAL_WORKS): that plan reaches its end first. No candidate: COLLSCAN.
 * Reads still scan (see query-commands.handler.ts): only the plan is modelled, not its execution.
 */
import type { Document } from 'bson';
import { CommandError, ErrorCodes } from './command-error';
import { CommandHandler, targetCollection } from './command-context';

const isOperatorObject = (value: unknown): value is Document =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp) && Object.keys(value).some((key) => key.startsWith('$'));

/** Fields the filter pins to one value, and the values: `{f: v}` or `{f: {$eq: v}}`, through `$and`. */
const equalityFields = (filter: Document, into = new Map<string, unknown[]>()): Map<string, unknown[]> => {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) condition.forEach((clause) => equalityFields(clause as Document, into));
    else if (field.startsWith('$')) continue;
    else if (!isOperatorObject(condition) || '$eq' in condition) {
      into.set(field, [...(into.get(field) ?? []), isOperatorObject(condition) ? condition.$eq : condition]);
    }
  }
  return into;
};

/** Fields bounded on both sides: `{f: {$gte|$gt: a, $lt|$lte: b}}` or the same in `$elemMatch`, through `$and`. */
const rangeFields = (filter: Document, into = new Map<string, Document>()): Map<string, Document> => {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) condition.forEach((clause) => rangeFields(clause as Document, into));
    else if (field.startsWith('$') || !isOperatorObject(condition)) continue;
    else {
      const bounds = isOperatorObject(condition.$elemMatch) ? (condition.$elemMatch as Document) : condition;
      if (('$gte' in bounds || '$gt' in bounds) && ('$lt' in bounds || '$lte' in bounds)) into.set(field, bounds);
    }
  }
  return into;
};

const inRange = (value: unknown, range: Document): boolean => {
  if (typeof value !== 'string') return false;
  const from = (range.$gte ?? range.$gt) as string;
  const to = (range.$lt ?? range.$lte) as string;
  return ('$gte' in range ? value >= from : value > from) && ('$lt' in range ? value < to : value <= to);
};

/** How many documents hold a value within the range at the (top-level) field, as a scalar or an array element. */
const holdingInRange = (docs: readonly Document[], field: string, range: Document): number =>
  docs.filter((doc) => {
    const held = doc[field];
    return Array.isArray(held) ? held.some((element) => inRange(element, range)) : inRange(held, range);
  }).length;

/** The works of MongoDB's trial run of candidate plans (`internalQueryPlanEvaluationWorks` is 10,000; its results, 101). */
const TRIAL_WORKS = 101;

/** How many documents hold the value at the (top-level) field, as a scalar or an array element. */
const holding = (docs: readonly Document[], field: string, value: unknown): number =>
  docs.filter((doc) => {
    const held = doc[field];
    return Array.isArray(held) ? held.some((element) => element === value) : held === value;
  }).length;

const sameOrder = (rest: readonly [string, number][], sort: Document | undefined): boolean => {
  const wanted = Object.entries(sort ?? {});
  return wanted.length > 0 && wanted.length <= rest.length && wanted.every(([field, direction], i) => rest[i][0] === field && Math.abs(Number(rest[i][1])) === Math.abs(Number(direction)));
};

const explain: CommandHandler = (command, context) => {
  const find = command.explain as Document | undefined;
  if (!find || typeof find.find !== 'string') throw new CommandError(ErrorCodes.BadValue, 'this test server explains find commands only');
  const name = targetCollection(find, 'find');
  const filter = (find.filter as Document) ?? {};
  const sort = find.sort as Document | undefined;
  const equalities = equalityFields(filter);
  const collection = context.databases.get(context.dbName, name);
  const docs = collection?.documents() ?? [];
  const ranges = rangeFields(filter);
  const examined = (field: string) =>
    equalities.has(field)
      ? Math.min(...(equalities.get(field) ?? []).map((value) => holding(docs, field, value)))
      : holdingInRange(docs, field, ranges.get(field)!);
  const candidates = (collection?.indexDefinitions() ?? [])
    .filter((definition) => equalities.has(Object.keys(definition.key)[0]) || ranges.has(Object.keys(definition.key)[0]))
    .map((definition) => ({ definition, keys: examined(Object.keys(definition.key)[0]), ordered: sameOrder(Object.entries(definition.key).slice(1), sort) }))
    .sort((a, b) => Number(b.ordered) - Number(a.ordered) || a.keys - b.keys);
  const fewest = [...candidates].sort((a, b) => a.keys - b.keys)[0];
  const first = candidates[0];
  const chosen = (first && fewest && fewest.keys < first.keys && fewest.keys <= TRIAL_WORKS ? fewest : first)?.definition;
  const scan = chosen
    ? { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: chosen.name, keyPattern: chosen.key, isMultiKey: false, direction: 'forward' } }
    : { stage: 'COLLSCAN', filter, direction: 'forward' };
  const sorted = !sort || Object.keys(sort).length === 0 || (chosen !== undefined && sameOrder(Object.entries(chosen.key).slice(1), sort));
  const withSort = sorted ? scan : { stage: 'SORT', sortPattern: sort, inputStage: scan };
  const winningPlan = find.limit ? { stage: 'LIMIT', limitAmount: Math.abs(Number(find.limit)), inputStage: withSort } : withSort;
  return {
    explainVersion: '1',
    queryPlanner: { namespace: `${context.dbName}.${name}`, parsedQuery: filter, winningPlan, rejectedPlans: [] },
    command: find,
    ok: 1,
  };
};

export const explainCommandHandlers: Readonly<Record<string, CommandHandler>> = { explain };
