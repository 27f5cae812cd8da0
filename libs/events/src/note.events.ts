import { z, id } from './schema';
import type { DomainEvent } from './envelope';

/**
 * A clinical note on a chart lives in its own stream (`note-<noteId>`): a chart holds many notes, each
 * with its own versions, signature and addenda, and a note's revision is what If-Match compares.
 * NoteWritten and NoteEdited each hold the whole version (body and sharing), so the stream is the
 * note's version history; who wrote each version and when is in the event's metadata.
 */
// 10,000 characters (code points), each at most two UTF-16 units; the domain counts characters.
const noteBody = z.string().min(1).max(20_000);

export const NoteWrittenSchema = z
  .object({
    noteId: id,
    chartId: id,
    practiceId: id,
    authorUserId: id,
    body: noteBody,
    /** Shared with the client (through the portal), or kept within the practice. */
    sharedWithClient: z.boolean(),
  })
  .strict();
export type NoteWritten = DomainEvent<'NoteWritten', z.infer<typeof NoteWrittenSchema>>;

export const NoteEditedSchema = z.object({ noteId: id, chartId: id, body: noteBody, sharedWithClient: z.boolean() }).strict();
export type NoteEdited = DomainEvent<'NoteEdited', z.infer<typeof NoteEditedSchema>>;

/** After this the note cannot change; only addenda are added. */
export const NoteSignedSchema = z.object({ noteId: id, chartId: id, signedByUserId: id }).strict();
export type NoteSigned = DomainEvent<'NoteSigned', z.infer<typeof NoteSignedSchema>>;

export const NoteAddendumAddedSchema = z
  .object({ noteId: id, chartId: id, addendumId: id, authorUserId: id, body: noteBody })
  .strict();
export type NoteAddendumAdded = DomainEvent<'NoteAddendumAdded', z.infer<typeof NoteAddendumAddedSchema>>;

export type NoteEvent = NoteWritten | NoteEdited | NoteSigned | NoteAddendumAdded;

export const noteEventSchemas = {
  NoteWritten: NoteWrittenSchema,
  NoteEdited: NoteEditedSchema,
  NoteSigned: NoteSignedSchema,
  NoteAddendumAdded: NoteAddendumAddedSchema,
} as const;
