import type { DocumentRequestEvent, RecordedEvent, TaskCompleter } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection, type EventHandlers } from '../projection';

export const DOCUMENT_REQUESTS = 'document-requests';

/**
 * One request for paperwork, keyed by its id and filed under the one chart it was requested from:
 * lists select by that chart id only, so a group chart's requests never show on a member's chart and
 * the reverse.
 */
export interface DocumentRequestDocument extends ReadDocument {
  readonly practiceId: string;
  readonly chartId: string;
  readonly title: string;
  readonly message: string | null;
  readonly status: 'requested' | 'completed' | 'cancelled';
  readonly requestedAt: string;
  readonly requestedBy: string | null;
  readonly completedAt: string | null;
  readonly completedBy: TaskCompleter | null;
  readonly cancelledAt: string | null;
  readonly revision: number;
}

type Handler<K extends DocumentRequestEvent['type']> = (
  doc: DocumentRequestDocument | null,
  event: RecordedEvent & Extract<DocumentRequestEvent, { type: K }>,
) => DocumentRequestDocument | null;

const handlers: { readonly [K in DocumentRequestEvent['type']]: Handler<K> } = {
  DocumentRequested: (_doc, { data, metadata, revision }) => ({
    _id: data.requestId,
    practiceId: data.practiceId,
    chartId: data.chartId,
    title: data.title,
    message: data.message,
    status: 'requested',
    requestedAt: metadata.occurredAt,
    requestedBy: metadata.actorUserId,
    completedAt: null,
    completedBy: null,
    cancelledAt: null,
    revision,
  }),
  DocumentRequestCompleted: (doc, event) =>
    doc === null ? null : { ...doc, status: 'completed', completedAt: event.metadata.occurredAt, completedBy: event.data.completedBy, revision: event.revision },
  DocumentRequestCancelled: (doc, event) =>
    doc === null ? null : { ...doc, status: 'cancelled', cancelledAt: event.metadata.occurredAt, revision: event.revision },
};

export const documentRequestProjection = defineProjection<DocumentRequestDocument>({
  name: DOCUMENT_REQUESTS,
  indexes: [
    { name: 'chart_requestedAt', keys: { chartId: 1, requestedAt: 1, _id: 1 } },
    { name: 'chart_status_requestedAt', keys: { chartId: 1, status: 1, requestedAt: 1, _id: 1 } },
  ],
  documentIds: (event) => [(event.data as { requestId: string }).requestId],
  handlers: handlers as unknown as EventHandlers<DocumentRequestDocument>,
});
