import type { NoteAddendumAdded, NoteEdited, NoteEvent, NoteSigned, RecordedEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection, type EventHandlers } from '../projection';

export const NOTES = 'notes';

export interface NoteAddendumView {
  readonly addendumId: string;
  readonly authorUserId: string;
  readonly body: string;
  readonly addedAt: string;
}

/**
 * One clinical note as it is now: the current version, who wrote and last edited it, when it was
 * signed, its addenda. Earlier versions stay in the note's stream (its history route reads them).
 * The routes leave `body` and the addenda's bodies out for roles without `notes:read`.
 */
export interface NoteDocument extends ReadDocument {
  readonly practiceId: string;
  readonly chartId: string;
  readonly authorUserId: string;
  readonly body: string;
  readonly sharedWithClient: boolean;
  readonly status: 'unsigned' | 'signed';
  /** Unsigned: on the practice's list of notes awaiting signature (an index key, so a boolean). */
  readonly awaitingSignature: boolean;
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly editedByUserId: string | null;
  readonly signedAt: string | null;
  readonly signedByUserId: string | null;
  /** How many versions the note has had (1 + edits). */
  readonly versions: number;
  readonly addenda: readonly NoteAddendumView[];
  /** The note stream's revision: the ETag of the note, sent back in If-Match to edit it. */
  readonly revision: number;
}

type Recorded<K extends NoteEvent['type']> = RecordedEvent & Extract<NoteEvent, { type: K }>;
type NoteHandlers = { readonly [K in NoteEvent['type']]: (doc: NoteDocument | null, event: Recorded<K>) => NoteDocument | null };

/** An event the document already holds (the same event twice) changes nothing. */
const onExisting =
  <E extends NoteEvent>(change: (doc: NoteDocument, event: RecordedEvent & E) => NoteDocument) =>
  (doc: NoteDocument | null, event: RecordedEvent & E): NoteDocument | null =>
    doc === null || event.revision <= doc.revision ? doc : { ...change(doc, event), revision: event.revision };

const handlers: NoteHandlers = {
  NoteWritten: (doc, { data, metadata, revision }) =>
    doc ?? {
      _id: data.noteId,
      practiceId: data.practiceId,
      chartId: data.chartId,
      authorUserId: data.authorUserId,
      body: data.body,
      sharedWithClient: data.sharedWithClient,
      status: 'unsigned',
      awaitingSignature: true,
      createdAt: metadata.occurredAt,
      editedAt: null,
      editedByUserId: null,
      signedAt: null,
      signedByUserId: null,
      versions: 1,
      addenda: [],
      revision,
    },
  NoteEdited: onExisting<NoteEdited>((doc, { data, metadata }) => ({
    ...doc,
    body: data.body,
    sharedWithClient: data.sharedWithClient,
    editedAt: metadata.occurredAt,
    editedByUserId: metadata.actorUserId,
    versions: doc.versions + 1,
  })),
  NoteSigned: onExisting<NoteSigned>((doc, { data, metadata }) => ({
    ...doc,
    status: 'signed',
    awaitingSignature: false,
    signedAt: metadata.occurredAt,
    signedByUserId: data.signedByUserId,
  })),
  NoteAddendumAdded: onExisting<NoteAddendumAdded>((doc, { data, metadata }) =>
    doc.addenda.some((a) => a.addendumId === data.addendumId)
      ? doc
      : { ...doc, addenda: [...doc.addenda, { addendumId: data.addendumId, authorUserId: data.authorUserId, body: data.body, addedAt: metadata.occurredAt }] },
  ),
};

export const noteProjection = defineProjection<NoteDocument>({
  name: NOTES,
  indexes: [
    // A chart's notes, newest first; its counts (total, awaiting signature) for the chart document.
    { name: 'chart_created', keys: { practiceId: 1, chartId: 1, createdAt: -1, _id: -1 } },
    { name: 'chart_awaiting', keys: { practiceId: 1, chartId: 1, awaitingSignature: 1 } },
    // The practice's notes awaiting signature, oldest first.
    { name: 'practice_awaiting', keys: { practiceId: 1, awaitingSignature: 1, createdAt: 1, _id: 1 } },
    { name: 'practice_awaiting_author', keys: { practiceId: 1, awaitingSignature: 1, authorUserId: 1, createdAt: 1, _id: 1 } },
  ],
  documentIds: (event) => [(event.data as { noteId: string }).noteId],
  handlers: handlers as unknown as EventHandlers<NoteDocument>,
});
