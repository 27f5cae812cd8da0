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
  /** Per field name, how often its strings were found in the table lately (see lookUp). */
  private samples = new Map<string, FieldSample>();

  /** `limit`: the table is emptied when it grows past this many strings. */
  constructor(private readonly limit = INTERN_TABLE_LIMIT) {}

  intern(docs: readonly unknown[]): void {
    for (const doc of docs) this.walk(doc, undefined, '');
  }

  /**
   * One doc: its short strings replaced in place by the equal ones seen before (nothing else changes).
   * With `previous` (the stored version it replaces, already shared), a string equal to the one at the
   * same place in `previous` takes that one without a look-up in the table: a rewrite of a document
   * looks up only what it changed.
   */
  internDoc(doc: object, previous?: object): void {
    this.walk(doc, previous, '');
  }

  /** `field`: the name of the field `value` is in (an array's items are in the array's field). */
  private walk(value: unknown, previous: unknown, field: string): void {
    if (Array.isArray(value)) {
      if (Object.isFrozen(value)) return;
      const before = Array.isArray(previous) ? previous : undefined;
      let sample: FieldSample | undefined;
      for (let i = 0; i < value.length; i += 1) {
        const item = value[i];
        if (typeof item === 'string') {
          const old = before?.[i];
          if (old === item) value[i] = old;
          else {
            const shared = this.lookUp(item, (sample ??= this.sampleOf(field)));
            if (shared !== undefined) value[i] = shared;
          }
        } else if (typeof item === 'object' && item !== null) this.walk(item, before?.[i], field);
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
        if (old === item) object[key] = old;
        else {
          const shared = this.lookUp(item, this.sampleOf(key));
          if (shared !== undefined) object[key] = shared;
        }
      } else if (typeof item === 'object' && item !== null) this.walk(item, before?.[key], key);
    }
  }

  private sampleOf(field: string): FieldSample {
    let sample = this.samples.get(field);
    if (sample === undefined) {
      // Field names are few; a doc keyed by ids (a map of appointments) must not make this large.
      if (this.samples.size >= MAX_SAMPLED_FIELDS) this.samples = new Map();
      sample = { looked: 0, found: 0, skipped: -1 };
      this.samples.set(field, sample);
    }
    return sample;
  }

  /**
   * The equal string seen before (see `known`), unless the field's strings are (nearly) all new: a
   * field whose last SAMPLE strings found an equal one less than once in FOUND_AT_LEAST (names, search
   * texts, words, unique ids) is not looked up for its next SKIP strings, then sampled again. Its
   * strings would only fill the table; skipping them leaves the docs as they are.
   */
  private lookUp(item: string, sample: FieldSample): string | undefined {
    if (sample.skipped >= 0) {
      sample.skipped += 1;
      if (sample.skipped < SKIP) return undefined;
      sample.skipped = -1;
    }
    const known = this.known(item);
    sample.looked += 1;
    if (known !== undefined) sample.found += 1;
    if (sample.looked >= SAMPLE) {
      if (sample.found * FOUND_AT_LEAST < sample.looked) sample.skipped = 0;
      sample.looked = 0;
      sample.found = 0;
    }
    return known;
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

/** `skipped`: -1 while the field is sampled, else how many of its strings were not looked up since. */
interface FieldSample {
  looked: number;
  found: number;
  skipped: number;
}

/** How many strings of a field decide whether it is looked up. */
const SAMPLE = 1024;
/** A field is looked up while at least one of this many of its strings finds an equal one. */
const FOUND_AT_LEAST = 16;
/** How many strings of a field whose strings are all new are not looked up before it is sampled again. */
const SKIP = 64 * SAMPLE;
const MAX_SAMPLED_FIELDS = 4096;
