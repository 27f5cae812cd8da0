import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { WriteOp } from '../read-store.port';
import { DELETED_FIELD, type StoredDocument } from './live-documents';

/**
 * Turns the port's write ops into one unordered MongoDB bulk, one model per document.
 *
 * A write with a position replaces the stored document (live or tombstone) only when that is older:
 *   replaceOne({_id, $or: [{_position: {$lt: p}}, {_position: {$exists: false}}]}, next, {upsert: true})
 * When the stored document is as new or newer the filter matches nothing, so the upsert tries to
 * insert a second document with the same `_id` and MongoDB refuses it with 11000 on the `_id_`
 * index. That refusal means "already applied" and is swallowed by the caller (see
 * `isAlreadyApplied`); it is the price of doing the check and the write in one atomic statement.
 */

type Model = AnyBulkWriteOperation<StoredDocument>;

export function toWriteModel(op: WriteOp): Model {
  if (op.kind === 'put') return putModel(op.doc, op.position);
  return op.position === undefined ? unconditionalDeleteModel(op.id) : guardedDeleteModel(op.id, op.position);
}

function putModel(doc: Document, position: number | undefined): Model {
  if (position === undefined) {
    return { replaceOne: { filter: { _id: doc._id }, replacement: { ...doc, [DELETED_FIELD]: false }, upsert: true } };
  }
  const replacement = { ...doc, _position: position, [DELETED_FIELD]: false };
  return { replaceOne: { filter: olderThan(doc._id, position), replacement, upsert: true } };
}

/** A delete with a position leaves a tombstone at that position (see live-documents.ts). */
function guardedDeleteModel(id: string, position: number): Model {
  const tombstone = { _id: id, _position: position, [DELETED_FIELD]: true };
  return { replaceOne: { filter: olderThan(id, position), replacement: tombstone, upsert: true } };
}

/**
 * A delete without a position turns the live document into a tombstone that keeps its `_position`
 * (an update pipeline, so the position is carried over in the same statement), as the in-memory
 * adapter does. A document that is not there, or already a tombstone, is left alone.
 */
function unconditionalDeleteModel(id: string): Model {
  return {
    updateOne: {
      filter: { _id: id, [DELETED_FIELD]: false },
      update: [{ $project: { _position: 1 } }, { $set: { [DELETED_FIELD]: true } }],
    },
  };
}

function olderThan(id: unknown, position: number): Document {
  return { _id: id, $or: [{ _position: { $lt: position } }, { _position: { $exists: false } }] };
}

/** An 11000 on `_id` from a positioned write: the stored document is as new or newer, nothing to do. */
export function isAlreadyApplied(op: WriteOp | undefined, onIdIndex: boolean): boolean {
  return onIdIndex && op !== undefined && op.position !== undefined;
}
