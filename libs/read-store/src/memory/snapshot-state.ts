import type { ReadDocument } from '../read-store.port';
import { CollectionState, type CollectionExport } from './collection-state';

export type { CollectionExport } from './collection-state';

/** What a snapshot holds of an in-memory store: its checkpoints and some of its collections. */
export interface StoreExport {
  readonly checkpoints: readonly (readonly [string, number])[];
  readonly collections: readonly CollectionExport[];
}

/**
 * A collection state from a snapshot: the docs first, then each index built over them once (cheaper
 * than indexing doc by doc), and the deleted ids with the position of their delete.
 */
export const importCollection = (collection: CollectionExport): CollectionState => {
  const state = new CollectionState(collection.name);
  for (const doc of collection.docs) state.docs.set(doc._id, doc as ReadDocument);
  for (const [id, position] of collection.tombstones) state.delete(id, position);
  for (const spec of collection.indexes) state.addIndex(spec);
  return state;
};

/** Strings longer than this are left alone: the ones that repeat (ids, keys, dates, names) are short. */
const INTERNED_LENGTH = 96;
/** The table is emptied when it grows past this, so unique strings cannot make it large. */
const INTERN_TABLE_LIMIT = 200_000;

/**
 * Makes equal short strings of freshly decoded docs one string: a decoder gives every doc its own
 * copy of the practice id, the segment keys (`<practiceId>|status:Active`), dates, kinds and tag ids,
 * which a rebuild shares. Changes the docs in place; they must not be stored yet.
 */
export class StringInterner {
  private table = new Map<string, string>();

  intern(docs: readonly unknown[]): void {
    for (const doc of docs) this.walk(doc);
  }

  private walk(value: unknown): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) {
        const item = value[i];
        if (typeof item === 'string') value[i] = this.one(item);
        else if (typeof item === 'object' && item !== null) this.walk(item);
      }
      return;
    }
    const object = value as Record<string, unknown>;
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
    if (this.table.size >= INTERN_TABLE_LIMIT) this.table = new Map();
    this.table.set(value, value);
    return value;
  }
}
