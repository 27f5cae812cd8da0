import { z, id, chars } from './schema';
import type { DomainEvent } from './envelope';

/**
 * A document uploaded to a chart. Each file is a stream of its own (`file-<fileId>`), so uploads never
 * contend with the chart's other writers; the event names its chart and practice. The bytes live in
 * the blob store, addressed by `sha256`: the event holds the metadata, never the content.
 */
export const FileUploadedSchema = z
  .object({
    fileId: id,
    chartId: id,
    practiceId: id,
    /** Sanitized (no path, no control characters), at most 255 characters. */
    fileName: chars(255),
    /** The type found in the bytes, one of the allow-list. */
    contentType: z.string().min(1).max(100),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type FileUploaded = DomainEvent<'FileUploaded', z.infer<typeof FileUploadedSchema>>;

/** The file is hidden from the chart; its bytes are kept (see README "Files"). */
export const FileDeletedSchema = z.object({ fileId: id, chartId: id }).strict();
export type FileDeleted = DomainEvent<'FileDeleted', z.infer<typeof FileDeletedSchema>>;

export type FileEvent = FileUploaded | FileDeleted;

export const fileEventSchemas = {
  FileUploaded: FileUploadedSchema,
  FileDeleted: FileDeletedSchema,
} as const;
