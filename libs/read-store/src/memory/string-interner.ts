/** Strings longer than this are left alone: the ones that repeat (ids, keys, dates, names) are short. */
const INTERNED_LENGTH = 96;
/** The table is emptied when it grows past this, so unique strings cannot make it large. */
const INTERN_TABLE_LIMIT = 200_000;

/**
 * Makes equal short strings of docs one string: a decoder (and every projection, event after event)
 * gives each doc its own copy of the practice id, the segment keys (`<practiceId>|status:Active`),
 * dates, kinds and tag ids. Changes the docs in place, replacing a string only by an equal one, so
 * nothing anyone can observe changes (a frozen object is left as it is).
 */
export class StringInterner {
  private table = new Map<string, string>();

  /** `limit`: the table is emptied when it grows past this many strings. */
  constructor(private readonly limit = INTERN_TABLE_LIMIT) {}

  intern(docs: readonly unknown[]): void {
    for (const doc of docs) this.walk(doc);
  }

  /**
   * One doc: its short strings replaced in place by the equal ones seen before (nothing else changes).
   * With `previous` (the stored version it replaces, already shared), a string equal to the one at the
   * same place in `previous` takes that one without a look-up in the table, and a nested object or
   * array equal to the one at the same place in `previous` is replaced by that one, without a write
   * per string (stored documents never change, so two versions can share what they hold alike): a
   * rewrite of a document looks up and writes only what it changed.
   */
  internDoc(doc: object, previous?: object): void {
    this.walk(doc, previous);
  }

  private walk(value: unknown, previous?: unknown): void {
    if (Array.isArray(value)) {
      if (Object.isFrozen(value)) return;
      const before = Array.isArray(previous) ? previous : undefined;
      for (let i = 0; i < value.length; i += 1) {
        const item = value[i];
        if (typeof item === 'string') {
          const old = before?.[i];
          const shared = old === item ? old : this.known(item);
          if (shared !== undefined) value[i] = shared;
        } else if (typeof item === 'object' && item !== null) {
          const old = before?.[i];
          if (sameData(item, old)) value[i] = old;
          else this.walk(item, old);
        }
      }
      return;
    }
    const object = value as Record<string, unknown>;
    if (Object.isFrozen(object)) return;
    const before = typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? (previous as Record<string, unknown>) : undefined;
    for (const key in object) {
      const item = object[key];
      if (typeof item === 'string') {
        const old = before?.[key];
        const shared = old === item ? old : this.known(item);
        if (shared !== undefined) object[key] = shared;
      } else if (typeof item === 'object' && item !== null) {
        const old = before?.[key];
        if (sameData(item, old)) object[key] = old;
        else this.walk(item, old);
      }
    }
  }

  /**
   * The equal string seen before, or undefined when `value` is itself the one to keep (seen first,
   * now in the table, or too long to share): then the caller leaves its place as it is, without a write.
   */
  private known(value: string): string | undefined {
    if (value.length > INTERNED_LENGTH) return undefined;
    const known = this.table.get(value);
    if (known !== undefined) return known;
    if (this.table.size >= this.limit) this.table = new Map();
    this.table.set(value, value);
    return undefined;
  }
}

/**
 * Whether `value` (a plain object or array of a new doc) holds the same data as `previous`: the same
 * keys in any order, equal strings, numbers, booleans and nulls, and nested values alike.
 */
const sameData = (value: object, previous: unknown): boolean => {
  if (value === previous) return true;
  if (typeof previous !== 'object' || previous === null) return false;
  if (Array.isArray(value)) {
    if (!Array.isArray(previous) || previous.length !== value.length) return false;
    for (let i = 0; i < value.length; i += 1) if (!sameValue(value[i], previous[i])) return false;
    return true;
  }
  // Plain objects only: a Date, a Map or a class instance is never taken for another.
  if (Array.isArray(previous) || Object.getPrototypeOf(value) !== Object.prototype || Object.getPrototypeOf(previous) !== Object.prototype) return false;
  const object = value as Record<string, unknown>;
  const before = previous as Record<string, unknown>;
  let keys = 0;
  for (const key in object) {
    keys += 1;
    const item = object[key];
    if (item === undefined ? !(key in before) || before[key] !== undefined : !sameValue(item, before[key])) return false;
  }
  for (const key in before) keys -= 1;
  return keys === 0;
};

const sameValue = (value: unknown, previous: unknown): boolean =>
  value === previous || (typeof value === 'object' && value !== null && sameData(value, previous));
