import type { FileUploaded, RecordedEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const CHART_FILES = 'chart_files';

/** A document shown in a chart's Files tab. Deleted files are not here (their events are in the log). */
export interface ChartFileDocument extends ReadDocument {
  readonly practiceId: string;
  readonly chartId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  /** When the upload was accepted, and by whom (event metadata). */
  readonly uploadedAt: string;
  readonly uploadedBy: string | null;
}

/** The Files tab's order: newest first, the file id breaking ties. */
export const CHART_FILES_ORDER = { uploadedAt: -1, _id: -1 } as const;

const fileIdOf = (event: RecordedEvent): string[] => [(event.data as { fileId: string }).fileId];

const uploaded = (event: RecordedEvent): ChartFileDocument => {
  const { data } = event as RecordedEvent & FileUploaded;
  return {
    _id: data.fileId,
    practiceId: data.practiceId,
    chartId: data.chartId,
    fileName: data.fileName,
    contentType: data.contentType,
    size: data.size,
    sha256: data.sha256,
    uploadedAt: event.metadata.occurredAt,
    uploadedBy: event.metadata.actorUserId,
  };
};

export const chartFileProjection = defineProjection<ChartFileDocument>({
  name: CHART_FILES,
  indexes: [{ name: 'chart_uploadedAt', keys: { practiceId: 1, chartId: 1, uploadedAt: -1, _id: -1 } }],
  documentIds: fileIdOf,
  handlers: {
    FileUploaded: (_doc, event) => uploaded(event),
    FileDeleted: () => null,
  },
});
