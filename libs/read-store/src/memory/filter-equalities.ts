import type { Filter } from '../read-store.port';
import { isLookupValue, LookupValue } from './index-keys';

/**
 * The top-level equalities of a filter: field -> the values one of which the field must equal
 * (`{f: v}`, `{f: {$eq: v}}`, `{f: {$in: [...]}}`, also inside a top-level `$and`). Only scalar
 * values count; anything else (null, regex, objects, other operators alone) gives no entry, which
 * makes the planner fall back to a scan rather than risk missing a match.
 */
export function filterEqualities(filter: Filter): Map<string, LookupValue[]> {
  const found = new Map<string, LookupValue[]>();
  collect(filter, found);
  return found;
}

function collect(filter: Filter, into: Map<string, LookupValue[]>): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) collect(clause, into);
    } else if (!field.startsWith('$')) {
      const values = equalityValues(condition);
      const known = into.get(field);
      // Two equalities on one field are both required: either one alone is a valid superset.
      if (values && (!known || values.length < known.length)) into.set(field, values);
    }
  }
}

function equalityValues(condition: unknown): LookupValue[] | undefined {
  if (isLookupValue(condition)) return [condition];
  if (!isPlainObject(condition)) return undefined;
  if ('$eq' in condition && isLookupValue(condition.$eq)) return [condition.$eq];
  const list = condition.$in;
  if (Array.isArray(list) && list.every(isLookupValue)) return list;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
