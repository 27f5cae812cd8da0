import type { ReadDocument } from '../read-store.port';
import { CollectionState, type CollectionExport } from './collection-state';
import type { StringInterner } from './string-interner';

export type { CollectionExport } from './collection-state';
export { StringInterner } from './string-interner';

/** What a snapshot holds of an in-memory store: its checkpoints and some of its collections. */
export interface StoreExport {
  readonly checkpoints: readonly (readonly [string, number])[];
  readonly collections: readonly CollectionExport[];
}

/**
 * A collection state from a snapshot: the docs first, then the deleted ids with the position of their
 * delete, then its indexes, registered but built only before their first use (a query, a write) or by
 * `InMemoryReadStore.buildDeferredIndex` once the server serves; each over all the docs at once
 * (cheaper than indexing doc by doc). `strings` serves the docs stored after (the loaded ones were made
 * to share their strings as they were decoded).
 */
export const importCollection = (collection: CollectionExport, strings?: StringInterner): CollectionState => {
  const state = new CollectionState(collection.name, strings);
  for (const doc of collection.docs) state.docs.set(doc._id, doc as ReadDocument);
  for (const [id, position] of collection.tombstones) state.delete(id, position);
  for (const spec of collection.indexes) state.addIndexDeferred(spec);
  return state;
};
