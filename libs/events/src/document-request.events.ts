import { z, id, chars } from './schema';
import type { DomainEvent } from './envelope';
import { TaskCompleterSchema } from './task.events';

/**
 * A request for paperwork, in its own stream `docrequest-<requestId>`. It belongs to the one chart it
 * was requested from ("Client Portal documents stay in the chart where they were requested"): a group
 * chart's request is not on its members' charts, nor the reverse.
 */
export const DocumentRequestedSchema = z
  .object({
    requestId: id,
    practiceId: id,
    chartId: id,
    title: chars(200),
    message: chars(4000).nullable(),
  })
  .strict();
export type DocumentRequested = DomainEvent<'DocumentRequested', z.infer<typeof DocumentRequestedSchema>>;

/** The paperwork came in: marked by a member of the practice now, by the client through the portal later. */
export const DocumentRequestCompletedSchema = z.object({ requestId: id, chartId: id, completedBy: TaskCompleterSchema }).strict();
export type DocumentRequestCompleted = DomainEvent<'DocumentRequestCompleted', z.infer<typeof DocumentRequestCompletedSchema>>;

export const DocumentRequestCancelledSchema = z.object({ requestId: id, chartId: id }).strict();
export type DocumentRequestCancelled = DomainEvent<'DocumentRequestCancelled', z.infer<typeof DocumentRequestCancelledSchema>>;

export type DocumentRequestEvent = DocumentRequested | DocumentRequestCompleted | DocumentRequestCancelled;

export const documentRequestEventSchemas = {
  DocumentRequested: DocumentRequestedSchema,
  DocumentRequestCompleted: DocumentRequestCompletedSchema,
  DocumentRequestCancelled: DocumentRequestCancelledSchema,
} as const;
