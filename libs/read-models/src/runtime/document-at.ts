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
  const deletes = ops.filter((op): op is Extract<WriteOp, { kind: 'delete' }> => op.kind === 'delete' && before.has(op.id));
  if (deletes.length === 0) return;
  await tombstones.bulkWrite(
    deletes.map(({ id, position }) => {
      const practiceId = before.get(id)?.practiceId;
      const doc: Tombstone = {
        _id: tombstoneId(readModel, id),
        _position: position,
        readModel,
        documentId: id,
        practiceId: typeof practiceId === 'string' ? practiceId : null,
      };
      return { kind: 'put' as const, doc, position };
    }),
  );
};
