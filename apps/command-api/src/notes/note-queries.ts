import type { EventStore } from '@practice/event-store';
import { noteStream, type RecordedEvent } from '@practice/events';
import { noteNotFound } from '@practice/domain';
import type { ReadStore } from '@practice/read-store';
import { CHARTS, NOTES, type ChartDocument, type NoteDocument } from '@practice/read-models';
import { historyEntry } from '../chart-queries/chart-history';
import { findPage, Keyset, limitOf, type PageQueryDto } from '../http/keyset-page';

/** What every role that lists notes may see: no body, no addendum text. */
export const noteSummary = (doc: NoteDocument) => ({
  noteId: doc._id,
  chartId: doc.chartId,
  authorUserId: doc.authorUserId,
  sharedWithClient: doc.sharedWithClient,
  status: doc.status,
  createdAt: doc.createdAt,
  editedAt: doc.editedAt,
  signedAt: doc.signedAt,
  signedByUserId: doc.signedByUserId,
  addendaCount: doc.addenda.length,
  revision: doc.revision,
});

/** The whole note, for roles with notes:read. */
export const noteView = (doc: NoteDocument) => ({
  ...noteSummary(doc),
  body: doc.body,
  editedByUserId: doc.editedByUserId,
  versions: doc.versions,
  addenda: doc.addenda,
});

const CHART_ORDER = { createdAt: -1, _id: -1 } as const;
const chartNotesKeyset = new Keyset('chart-notes', ['string', 'string']);
const AWAITING_ORDER = { createdAt: 1, _id: 1 } as const;
const awaitingKeyset = new Keyset('notes-awaiting-signature', ['string', 'string']);

/** A chart's notes, newest first; bodies only when the caller may read them. */
export const listChartNotes = async (readStore: ReadStore, practiceId: string, chartId: string, query: PageQueryDto, withBody: boolean) => {
  const notes = readStore.collection<NoteDocument>(NOTES);
  const page = await findPage(notes, { practiceId, chartId }, CHART_ORDER, chartNotesKeyset, query);
  return {
    items: page.items.map((doc) => (withBody ? { ...noteSummary(doc), body: doc.body } : noteSummary(doc))),
    nextCursor: page.nextCursor,
  };
};

/**
 * The practice's unsigned notes, oldest first (summaries: it spans every chart, so no body). A note
 * of a deleted chart cannot be signed any more (its routes answer 404), so it is left out; the cursor
 * still follows the rows read, so a page may hold fewer items than `limit`.
 */
export const listAwaitingSignature = async (readStore: ReadStore, practiceId: string, query: PageQueryDto & { readonly authorUserId?: string }) => {
  const notes = readStore.collection<NoteDocument>(NOTES);
  const filter = { practiceId, awaitingSignature: true, ...(query.authorUserId === undefined ? {} : { authorUserId: query.authorUserId }) };
  const page = await findPage(notes, filter, AWAITING_ORDER, awaitingKeyset, query);
  const charts = await readStore.collection<ChartDocument>(CHARTS).getMany([...new Set(page.items.map((doc) => doc.chartId))]);
  const onOpenChart = (doc: NoteDocument) => charts.get(doc.chartId)?.practiceId === practiceId;
  return { items: page.items.filter(onOpenChart).map(noteSummary), nextCursor: page.nextCursor };
};

/** The counts the chart document shows on its Notes tab. */
export const chartNotesSummary = async (readStore: ReadStore, practiceId: string, chartId: string) => {
  const notes = readStore.collection<NoteDocument>(NOTES);
  const [total, awaitingSignature] = await Promise.all([
    notes.count({ practiceId, chartId }),
    notes.count({ practiceId, chartId, awaitingSignature: true }),
  ]);
  return { total, awaitingSignature };
};

export const noteOfChart = async (readStore: ReadStore, practiceId: string, chartId: string, noteId: string): Promise<NoteDocument> => {
  const doc = await readStore.collection<NoteDocument>(NOTES).get(noteId);
  if (!doc || doc.practiceId !== practiceId || doc.chartId !== chartId) throw noteNotFound();
  return doc;
};

// Paged by revision: the cursor is the revision of the last event of the page.
const historyKeyset = new Keyset('note-history', ['number']);

const eventView = (event: RecordedEvent) => ({ ...historyEntry(event), data: event.data });

/** Every version of a note, its signature and its addenda, oldest first, with who and when. */
export const noteHistory = async (store: EventStore, practiceId: string, chartId: string, noteId: string, query: PageQueryDto) => {
  const stream = noteStream(noteId);
  const [first] = await store.readStream(stream, { maxCount: 1 });
  const written = first?.data as { practiceId?: string; chartId?: string } | undefined;
  if (written?.practiceId !== practiceId || written.chartId !== chartId) throw noteNotFound();
  const limit = limitOf(query);
  const fromRevision = query.cursor === undefined ? 0 : (historyKeyset.decode(query.cursor)[0] as number) + 1;
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  const read = await store.readStream(stream, { fromRevision, maxCount: limit + 1 });
  const page = historyKeyset.page(read, limit, (event) => [event.revision]);
  return { noteId, chartId, revision: last.revision, events: page.items.map(eventView), nextCursor: page.nextCursor };
};
