import type { Document } from 'mongodb';
import type { Filter, Projection } from '../read-store.port';

/**
 * How documents and tombstones share one MongoDB collection.
 *
 * A delete with a position leaves a tombstone `{_id, _position, _deleted: true}` rather than removing
 * the document: the position guard of a later put then compares against it, so an older put replayed
 * after the delete cannot bring the document back (the in-memory adapter keeps the same tombstone
 * positions in a side map). Every live document carries `_deleted: false`, a positive marker that:
 * - every read filters on, so tombstones are invisible to get / getMany / find / count;
 * - every unique index uses as its partialFilterExpression, so tombstones hold no keys. Without it
 *   two tombstones (both lacking the indexed fields, hence both `null`) would collide, and a
 *   tombstone would block the one live document allowed to lack a field. MongoDB's partial indexes
 *   accept an equality but not `$ne` / `$exists: false`, hence a marker on live documents rather
 *   than only on tombstones.
 * The marker is projected away on every read, so callers never see it. `_deleted` is reserved: a
 * caller's own field of that name is overwritten.
 */
export const DELETED_FIELD = '_deleted';

/** What the driver is told a stored document (live or tombstone) looks like: a string `_id`, anything else. */
export interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

export const LIVE: Readonly<Document> = { [DELETED_FIELD]: false };

/** The caller's filter restricted to live documents. */
export function liveOnly(filter: Filter): Document {
  return Object.keys(filter).length === 0 ? { ...LIVE } : { $and: [filter, LIVE] };
}

/** Reads without a projection, or with an exclusion one, also exclude the marker; inclusion ones never include it. */
export function readProjection(projection: Projection | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return { [DELETED_FIELD]: 0 };
  const includes = Object.entries(projection).some(([field, value]) => Boolean(value) && field !== '_id');
  const onlyId = Object.keys(projection).length === 1 && Boolean(projection._id);
  return includes || onlyId ? { ...projection } : { ...projection, [DELETED_FIELD]: 0 };
}

/** What a unique index is restricted to: live documents only. */
export const UNIQUE_INDEX_PARTIAL_FILTER: Readonly<Document> = LIVE;
