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

  /** One doc: its short strings replaced in place by the equal ones seen before (nothing else changes). */
  internDoc(doc: object): void {
    this.walk(doc);
  }

  private walk(value: unknown): void {
    if (Array.isArray(value)) {
      if (Object.isFrozen(value)) return;
      for (let i = 0; i < value.length; i += 1) {
        const item = value[i];
        if (typeof item === 'string') value[i] = this.one(item);
        else if (typeof item === 'object' && item !== null) this.walk(item);
      }
      return;
    }
    const object = value as Record<string, unknown>;
    if (Object.isFrozen(object)) return;
    for (const key in object) {
      const item = object[key];
      if (typeof item === 'string') object[key] = this.one(item);
      else if (typeof item === 'object' && item !== null) this.walk(item);
    }
  }

  private one(value: string): string {
    if (value.length > INTERNED_LENGTH) return value;
    const known = this.table.get(value);
    if (known !== undefined) return known;
    if (this.table.size >= this.limit) this.table = new Map();
    this.table.set(value, value);
    return value;
  }
}
