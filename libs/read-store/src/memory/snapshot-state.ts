import type { ReadDocument } from '../read-store.port';
import { CollectionState, type CollectionExport } from './collection-state';
import type { StringInterner } from './string-interner';
import type { FrameDecoder } from './frame-decoder';

export type { CollectionExport } from './collection-state';
export { StringInterner } from './string-interner';

/** What a snapshot holds of an in-memory store: its checkpoints and some of its collections. */
export interface StoreExport {
  readonly checkpoints: readonly (readonly [string, number])[];
  readonly collections: readonly CollectionExport[];
  /** Decodes the collections' `frames` (a snapshot read from a file). */
  readonly decoder?: FrameDecoder;
}

/**
 * A collection state from a snapshot: the docs (a file's frames of docs are decoded later, before
 * anything reads the collection, or one per turn by `InMemoryReadStore.loadStep` once the server
 * serves), the deleted ids with the position of their delete, and its indexes, registered but built
 * only before their first use (a query, a write) or by `loadStep`; each over all the docs at once
 * (cheaper than indexing doc by doc). `strings` serves the docs stored after (the loaded ones share
 * their strings through the decoder's table).
 */
export const importCollection = (collection: CollectionExport, strings?: StringInterner, decoder?: FrameDecoder): CollectionState => {
  const state = new CollectionState(collection.name, strings);
  for (const doc of collection.docs) state.docs.set(doc._id, doc as ReadDocument);
  if (collection.frames !== undefined && decoder !== undefined) state.loadFrames(collection.frames, decoder);
  state.restoreTombstones(collection.tombstones);
  for (const spec of collection.indexes) state.addIndexDeferred(spec);
  return state;
};
