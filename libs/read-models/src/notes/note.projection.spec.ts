import type { DomainEvent, RecordedEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { NOTES, noteProjection, type NoteDocument } from './note.projection';

const noteId = 'n-1';
const chartId = 'c-1';
const practiceId = 'p-1';

/** The events of one note stream, at revisions 0, 1, ... and increasing positions. */
const noteStream = (events: readonly DomainEvent[], actorUserId = 'u-author'): RecordedEvent[] =>
  recorded(events, { actorUserId }).map((event, revision) => ({ ...event, streamId: `note-${noteId}`, revision }));

const written: DomainEvent = {
  type: 'NoteWritten',
  data: { noteId, chartId, practiceId, authorUserId: 'u-author', body: 'First version', sharedWithClient: false },
};
const edited: DomainEvent = { type: 'NoteEdited', data: { noteId, chartId, body: 'Second version', sharedWithClient: true } };
const signed: DomainEvent = { type: 'NoteSigned', data: { noteId, chartId, signedByUserId: 'u-author' } };
const addendum: DomainEvent = { type: 'NoteAddendumAdded', data: { noteId, chartId, addendumId: 'a-1', authorUserId: 'u-other', body: 'Late entry' } };

const project = async (batches: readonly RecordedEvent[][]) => {
  const collection = new InMemoryReadStore().collection<NoteDocument>(NOTES);
  for (const batch of batches) await applyBatch(noteProjection, collection, batch);
  return collection;
};

describe('notes projection', () => {
  it('keeps the current version, who edited it and when, and puts a new note on the awaiting-signature list', async () => {
    const events = noteStream([written, edited]);
    const notes = await project([events]);
    expect(await notes.get(noteId)).toEqual(
      expect.objectContaining({
        practiceId,
        chartId,
        authorUserId: 'u-author',
        body: 'Second version',
        sharedWithClient: true,
        status: 'unsigned',
        awaitingSignature: true,
        createdAt: events[0].metadata.occurredAt,
        editedAt: events[1].metadata.occurredAt,
        editedByUserId: 'u-author',
        versions: 2,
        revision: 1,
      }),
    );
    expect(await notes.count({ practiceId, awaitingSignature: true })).toBe(1);
  });

  it('takes a signed note off the awaiting list and keeps its addenda in order', async () => {
    const events = noteStream([written, signed, addendum]);
    const notes = await project([events]);
    const doc = await notes.get(noteId);
    expect(doc).toEqual(
      expect.objectContaining({ status: 'signed', awaitingSignature: false, signedAt: events[1].metadata.occurredAt, signedByUserId: 'u-author', revision: 2 }),
    );
    expect(doc!.addenda).toEqual([{ addendumId: 'a-1', authorUserId: 'u-other', body: 'Late entry', addedAt: events[2].metadata.occurredAt }]);
    expect(await notes.count({ practiceId, awaitingSignature: true })).toBe(0);
  });

  it('changes nothing when the same event comes twice, in one batch or in a replayed batch', async () => {
    const events = noteStream([written, edited, signed, addendum]);
    const once = await (await project([events])).get(noteId);
    const twiceInOneBatch = await (await project([[...events.slice(0, 2), events[1], ...events.slice(2), events[3]]])).get(noteId);
    const replayed = await (await project([events, events])).get(noteId);
    expect(twiceInOneBatch).toEqual(once);
    expect(replayed).toEqual(once);
    expect(once).toEqual(expect.objectContaining({ versions: 2, addenda: [expect.objectContaining({ addendumId: 'a-1' })] }));
  });

  it('ignores a later event of a note it never saw written', async () => {
    const notes = await project([noteStream([edited])]);
    expect(await notes.get(noteId)).toBeNull();
  });
});
