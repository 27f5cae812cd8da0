import type { TaskAssignee, TaskEvent } from '@practice/events';
import { assertNever } from '../shared/decider';

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface ExistingTask {
  readonly status: TaskStatus;
  readonly taskId: string;
  readonly practiceId: string;
  readonly chartId: string;
  readonly assignee: TaskAssignee;
  readonly title: string;
  readonly description: string | null;
  readonly dueDate: string;
}

export type TaskState = { readonly status: 'none' } | ExistingTask;

export const initialState = (): TaskState => ({ status: 'none' });

const existing = (state: TaskState, change: (task: ExistingTask) => Partial<ExistingTask>): TaskState =>
  state.status === 'none' ? state : { ...state, ...change(state) };

export const evolve = (state: TaskState, event: TaskEvent): TaskState => {
  switch (event.type) {
    case 'TaskAssigned': {
      const { taskId, practiceId, chartId, assignee, title, description, dueDate } = event.data;
      return { status: 'open', taskId, practiceId, chartId, assignee, title, description, dueDate };
    }
    case 'TaskEdited': {
      const { title, description, dueDate } = event.data;
      return existing(state, () => ({ title, description, dueDate }));
    }
    case 'TaskCompleted':
      return existing(state, () => ({ status: 'done' }));
    case 'TaskCancelled':
      return existing(state, () => ({ status: 'cancelled' }));
    case 'TaskReopened':
      return existing(state, () => ({ status: 'open' }));
    default:
      return assertNever(event);
  }
};
