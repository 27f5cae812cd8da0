import type { TaskAssignee, TaskCompleter } from '@practice/events';
import type { ChartState } from '../chart/chart.state';

/**
 * Every task command names the chart of the path and carries that chart's state as the handler folded
 * it: a task is only ever changed through an open chart of the caller's practice.
 */
interface OnChart {
  readonly taskId: string;
  readonly practiceId: string;
  readonly chartId: string;
  readonly chart: ChartState;
}

export interface AssignTask extends OnChart {
  readonly type: 'AssignTask';
  readonly assignee: TaskAssignee;
  readonly title: string;
  readonly description: string | null;
  /** YYYY-MM-DD: a day, not an instant; overdue is judged against the practice's today. */
  readonly dueDate: string;
}

export interface EditTask extends OnChart {
  readonly type: 'EditTask';
  readonly title: string;
  readonly description: string | null;
  readonly dueDate: string;
}

export interface CompleteTask extends OnChart {
  readonly type: 'CompleteTask';
  readonly completedBy: TaskCompleter;
}

export interface CancelTask extends OnChart {
  readonly type: 'CancelTask';
}

export interface ReopenTask extends OnChart {
  readonly type: 'ReopenTask';
}

export type TaskCommand = AssignTask | EditTask | CompleteTask | CancelTask | ReopenTask;
