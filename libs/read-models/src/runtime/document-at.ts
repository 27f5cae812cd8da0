import type { RecordedEvent } from '@practice/events';
import type { ReadCollection, ReadDocument, WriteOp } from '@practice/read-store';
import type { ProjectionDefinition } from '../projection';

/**
 * A document as it stood at log position `position`: `events` (in log order, any stream) folded
 * through the projection for `id`, leaving out every event after `position`. This is how an export
 * rebuilds a document that changed after its cut. Null when the document did not exist then.
 */
export const documentAt = <TDoc extends ReadDocument>(
  projection: ProjectionDefinition<TDoc>,
  events: readonly RecordedEvent[],
  id: string,
  position: number,
): TDoc | null => {
  let doc: TDoc | null = null;
  let last: number | undefined;
  for (const event of events) {
    if (event.position > position) break;
    if (!projection.eventTypes.includes(event.type) || !projection.documentIds(event, new Map()).includes(id)) continue;
    doc = projection.apply(doc, event, id, new Map());
    last = event.position;
  }
  return doc === null || last === undefined ? null : ({ ...doc, _id: id, _position: last } as TDoc);
};

/** Where the projector notes a deleted document, so a change feed can tell its readers to delete it too. */
export const TOMBSTONES = 'read_model_tombstones';

/** A deleted document: which read model, which document, its practice, and the position of the deletion. */
export interface Tombstone extends ReadDocument {
  readonly readModel: string;
  readonly documentId: string;
  readonly practiceId: string | null;
}

export const tombstoneId = (readModel: string, documentId: string): string => `${readModel}:${documentId}`;

/** The tombstones of the deletes among `ops` of documents that existed (`before`: their last state), with their practice. */
export const writeTombstones = async (
  tombstones: ReadCollection,
  readModel: string,
  ops: readonly WriteOp[],
  before: ReadonlyMap<string, ReadDocument>,
): Promise<void> => {
  const puts = tombstonesOf(readModel, ops, before);
  if (puts.length > 0) await tombstones.bulkWrite(puts);
};

/** The writes of the tombstones that `writeTombstones` writes (none when no op deletes a document that existed). */
export const tombstonesOf = (readModel: string, ops: readonly WriteOp[], before: ReadonlyMap<string, ReadDocument>): WriteOp[] => {
  const puts: WriteOp[] = [];
  for (const op of ops) {
    if (op.kind !== 'delete' || !before.has(op.id)) continue;
    const practiceId = before.get(op.id)?.practiceId;
    const doc: Tombstone = {
      _id: tombstoneId(readModel, op.id),
      _position: op.position,
      readModel,
      documentId: op.id,
      practiceId: typeof practiceId === 'string' ? practiceId : null,
    };
    puts.push({ kind: 'put', doc, position: op.position });
  }
  return puts;
};
