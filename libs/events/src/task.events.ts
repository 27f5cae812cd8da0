import { z, id, isoDate, chars } from './schema';
import type { DomainEvent } from './envelope';

/**
 * A task (homework, a to-do) lives in its own stream `task-<taskId>`; it names the chart it is on. Who
 * does it: the chart's client (individual or minor), a contact linked to a minor's chart, or one member
 * of a couple / family / conjoint chart (a group chart has no person of its own to do homework).
 */
export const TaskAssigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client') }).strict(),
  z.object({ kind: z.literal('contact'), contactId: id }).strict(),
  z.object({ kind: z.literal('member'), clientId: id }).strict(),
]);
export type TaskAssignee = z.infer<typeof TaskAssigneeSchema>;

/** Who marked a task done: a member of the practice now; the client through the portal later. */
export const TaskCompleterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), userId: id }).strict(),
  z.object({ kind: z.literal('client') }).strict(),
]);
export type TaskCompleter = z.infer<typeof TaskCompleterSchema>;

const title = chars(200);
const description = chars(4000).nullable();

export const TaskAssignedSchema = z
  .object({ taskId: id, practiceId: id, chartId: id, assignee: TaskAssigneeSchema, title, description, dueDate: isoDate })
  .strict();
export type TaskAssigned = DomainEvent<'TaskAssigned', z.infer<typeof TaskAssignedSchema>>;

/** The whole editable part: title, description and due date as they are after the edit. */
export const TaskEditedSchema = z.object({ taskId: id, chartId: id, title, description, dueDate: isoDate }).strict();
export type TaskEdited = DomainEvent<'TaskEdited', z.infer<typeof TaskEditedSchema>>;

export const TaskCompletedSchema = z.object({ taskId: id, chartId: id, completedBy: TaskCompleterSchema }).strict();
export type TaskCompleted = DomainEvent<'TaskCompleted', z.infer<typeof TaskCompletedSchema>>;

export const TaskCancelledSchema = z.object({ taskId: id, chartId: id }).strict();
export type TaskCancelled = DomainEvent<'TaskCancelled', z.infer<typeof TaskCancelledSchema>>;

/** A done or cancelled task open again (completed by mistake, or the homework is back on). */
export const TaskReopenedSchema = z.object({ taskId: id, chartId: id }).strict();
export type TaskReopened = DomainEvent<'TaskReopened', z.infer<typeof TaskReopenedSchema>>;

export type TaskEvent = TaskAssigned | TaskEdited | TaskCompleted | TaskCancelled | TaskReopened;

export const taskEventSchemas = {
  TaskAssigned: TaskAssignedSchema,
  TaskEdited: TaskEditedSchema,
  TaskCompleted: TaskCompletedSchema,
  TaskCancelled: TaskCancelledSchema,
  TaskReopened: TaskReopenedSchema,
} as const;
