import type { RecordedEvent, TaskAssignee, TaskCompleter, TaskEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection, type EventHandlers } from '../projection';

export const TASKS = 'tasks';

/**
 * One task on one chart. Overdue is not stored: it depends on the day it is read, so readers derive it
 * from `status` and `dueDate` (a stored flag would go stale overnight). The indexes serve the chart's
 * list (optionally by status), the chart's summary counts and the practice's overdue list (through
 * `openPracticeId`), each in (dueDate, _id) order.
 */
export interface TaskDocument extends ReadDocument {
  readonly practiceId: string;
  readonly chartId: string;
  readonly assignee: TaskAssignee;
  readonly title: string;
  readonly description: string | null;
  readonly dueDate: string;
  readonly status: 'open' | 'done' | 'cancelled';
  /**
   * The practice id while the task is open, else null: the one equality of the overdue list, so its
   * index `{openPracticeId, dueDate, _id}` holds exactly the practice's open tasks in due-date order.
   */
  readonly openPracticeId: string | null;
  readonly assignedAt: string;
  readonly assignedBy: string | null;
  readonly completedAt: string | null;
  readonly completedBy: TaskCompleter | null;
  readonly cancelledAt: string | null;
  /** The task stream's revision: send it back in If-Match. */
  readonly revision: number;
  readonly updatedAt: string;
}

type Handler<K extends TaskEvent['type']> = (doc: TaskDocument | null, event: RecordedEvent & Extract<TaskEvent, { type: K }>) => TaskDocument | null;

const changed = (doc: TaskDocument | null, event: RecordedEvent, change: (doc: TaskDocument) => Partial<TaskDocument>): TaskDocument | null =>
  doc === null ? null : { ...doc, ...change(doc), revision: event.revision, updatedAt: event.metadata.occurredAt };

const handlers: { readonly [K in TaskEvent['type']]: Handler<K> } = {
  TaskAssigned: (_doc, { data, metadata, revision }) => ({
    _id: data.taskId,
    practiceId: data.practiceId,
    chartId: data.chartId,
    assignee: data.assignee,
    title: data.title,
    description: data.description,
    dueDate: data.dueDate,
    status: 'open',
    openPracticeId: data.practiceId,
    assignedAt: metadata.occurredAt,
    assignedBy: metadata.actorUserId,
    completedAt: null,
    completedBy: null,
    cancelledAt: null,
    revision,
    updatedAt: metadata.occurredAt,
  }),
  TaskEdited: (doc, event) => changed(doc, event, () => ({ title: event.data.title, description: event.data.description, dueDate: event.data.dueDate })),
  TaskCompleted: (doc, event) =>
    changed(doc, event, () => ({ status: 'done', openPracticeId: null, completedAt: event.metadata.occurredAt, completedBy: event.data.completedBy })),
  TaskCancelled: (doc, event) => changed(doc, event, () => ({ status: 'cancelled', openPracticeId: null, cancelledAt: event.metadata.occurredAt })),
  TaskReopened: (doc, event) => changed(doc, event, (d) => ({ status: 'open', openPracticeId: d.practiceId, completedAt: null, completedBy: null, cancelledAt: null })),
};

export const taskProjection = defineProjection<TaskDocument>({
  name: TASKS,
  indexes: [
    { name: 'chart_dueDate', keys: { chartId: 1, dueDate: 1, _id: 1 } },
    { name: 'chart_status_dueDate', keys: { chartId: 1, status: 1, dueDate: 1, _id: 1 } },
    { name: 'open_dueDate', keys: { openPracticeId: 1, dueDate: 1, _id: 1 } },
  ],
  documentIds: (event) => [(event.data as { taskId: string }).taskId],
  handlers: handlers as unknown as EventHandlers<TaskDocument>,
});

/** Open and past its due date on `today` (YYYY-MM-DD, the practice's day): derived, never stored. */
export const isOverdue = (task: Pick<TaskDocument, 'status' | 'dueDate'>, today: string): boolean => task.status === 'open' && task.dueDate < today;
