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
   * same place in `previous` takes that one without a look-up in the table: a rewrite of a document
   * looks up only what it changed.
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
          const shared = this.sharedOf(item, before?.[i]);
          if (shared !== undefined) value[i] = shared;
        } else if (typeof item === 'object' && item !== null) this.walk(item, before?.[i]);
      }
      return;
    }
    const object = value as Record<string, unknown>;
    if (Object.isFrozen(object)) return;
    const before = typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? (previous as Record<string, unknown>) : undefined;
    for (const key in object) {
      const item = object[key];
      if (typeof item === 'string') {
        const shared = this.sharedOf(item, before?.[key]);
        if (shared !== undefined) object[key] = shared;
      } else if (typeof item === 'object' && item !== null) this.walk(item, before?.[key]);
    }
  }

  /**
   * The string to put in the place of `item`: the previous version's at that place when equal (no
   * look-up), else the equal one seen before; undefined when `item` is itself the one to keep.
   */
  private sharedOf(item: string, old: unknown): string | undefined {
    return old === item ? old : this.known(item);
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
