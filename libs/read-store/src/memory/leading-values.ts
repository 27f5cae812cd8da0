import type { ReadDocument } from '../read-store.port';
import { isLookupValue, lookupValues, type LookupValue } from './index-keys';

/**
 * The values of an index's first key that `doc` is filed under (see lookupValues): a top-level scalar
 * or a short array of distinct scalars (a practice id, segment or search keys) read as it is, instead
 * of a Set per write; anything else through lookupValues.
 */
export function leadingValues(doc: ReadDocument, field: string): Iterable<LookupValue> {
  const direct = field.includes('.') ? undefined : doc[field];
  if (isLookupValue(direct)) return [direct];
  if (Array.isArray(direct) && direct.length <= 32 && direct.every(isLookupValue) && !hasRepeats(direct)) return direct as LookupValue[];
  return lookupValues(doc, field);
}

/** Whether a short array holds a value twice (a doc is filed once per distinct value). */
function hasRepeats(values: readonly unknown[]): boolean {
  for (let i = 1; i < values.length; i += 1) if (values.lastIndexOf(values[i], i - 1) >= 0) return true;
  return false;
}
