import type { ReadStore } from '@practice/read-store';
import { DOCUMENT_REQUESTS, type DocumentRequestDocument } from '@practice/read-models';

/** Requests of this very chart still waiting for the paperwork (index `chart_status_requestedAt`). */
export const openDocumentRequests = (readStore: ReadStore, chartId: string): Promise<number> =>
  readStore.collection<DocumentRequestDocument>(DOCUMENT_REQUESTS).count({ chartId, status: 'requested' });
