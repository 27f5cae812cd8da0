import type { TaskAssignee, TaskEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError, invalid } from '../shared/domain-error';
import { optionalText } from '../shared/optional-text';
import { chartNotFound, openChartOf } from '../chart/chart.guards';
import type { ChartState, OpenChart } from '../chart/chart.state';
import { assertCalendarDate } from '../shared/calendar-date';
import { assertTitle } from './record-text';
import type { AssignTask, CancelTask, CompleteTask, EditTask, ReopenTask, TaskCommand } from './task.commands';
import { evolve, initialState, type ExistingTask, type TaskState } from './task.state';

export * from './task.commands';
export * from './task.state';

export const taskNotFound = (): DomainError => new DomainError('TaskNotFound', 'not_found', 'No such task on this chart');

const taskClosed = (status: string): DomainError =>
  new DomainError('TaskClosed', 'conflict', `The task is ${status}; reopen it first`, [], { status });

/** The task of this chart of this practice; anything else (another chart's, another practice's) is not found. */
const taskOf = (command: { practiceId: string; chartId: string }, state: TaskState): ExistingTask => {
  if (state.status === 'none' || state.practiceId !== command.practiceId || state.chartId !== command.chartId) throw taskNotFound();
  return state;
};

/** The open chart of the path, in the caller's practice (the handler folded it from `chart-<chartId>`). */
export const chartOfCommand = (command: { practiceId: string; chartId: string; chart: ChartState }): OpenChart => {
  const chart = openChartOf(command.chart, command.practiceId);
  if (chart.chartId !== command.chartId) throw chartNotFound();
  return chart;
};

/**
 * Who can be given a task on this chart: the client of an individual or minor chart, a contact linked to
 * a minor's chart, one member of a group chart. A group chart has no person of its own, and the portal
 * (where a client will complete homework) is one person's.
 */
const assertAssignee = (chart: OpenChart, assignee: TaskAssignee): TaskAssignee => {
  switch (assignee.kind) {
    case 'client':
      if (chart.kind === 'group') throw invalid('InvalidAssignee', 'assignee.kind', 'a group chart has no client of its own: assign one member');
      return { kind: 'client' };
    case 'contact':
      if (chart.kind !== 'minor') throw invalid('InvalidAssignee', 'assignee.kind', "only a minor's chart takes tasks for its contacts");
      if (!chart.contacts[assignee.contactId]) throw invalid('UnknownContact', 'assignee.contactId', 'is not a contact linked to this chart');
      return { kind: 'contact', contactId: assignee.contactId };
    case 'member':
      if (chart.kind !== 'group') throw invalid('InvalidAssignee', 'assignee.kind', 'only a group chart has members');
      if (!chart.members[assignee.clientId]) throw invalid('NotAMember', 'assignee.clientId', 'is not a member of this group chart');
      return { kind: 'member', clientId: assignee.clientId };
    default:
      return assertNever(assignee);
  }
};

const assignTask = (command: AssignTask, state: TaskState): TaskEvent[] => {
  const chart = chartOfCommand(command);
  if (state.status !== 'none') throw new DomainError('TaskAlreadyExists', 'conflict', 'A task with this id already exists');
  const title = assertTitle(command.title);
  const description = optionalText(command.description, 'description', 4000);
  const dueDate = assertCalendarDate(command.dueDate, 'dueDate');
  const assignee = assertAssignee(chart, command.assignee);
  const { taskId, practiceId } = command;
  return [{ type: 'TaskAssigned', data: { taskId, practiceId, chartId: chart.chartId, assignee, title, description, dueDate } }];
};

const editTask = (command: EditTask, state: TaskState): TaskEvent[] => {
  chartOfCommand(command);
  const task = taskOf(command, state);
  const title = assertTitle(command.title);
  const description = optionalText(command.description, 'description', 4000);
  const dueDate = assertCalendarDate(command.dueDate, 'dueDate');
  if (task.status !== 'open') throw taskClosed(task.status);
  if (title === task.title && description === task.description && dueDate === task.dueDate) return [];
  return [{ type: 'TaskEdited', data: { taskId: task.taskId, chartId: task.chartId, title, description, dueDate } }];
};

/** Done twice is done once; a cancelled task is reopened before it can be done. */
const completeTask = (command: CompleteTask, state: TaskState): TaskEvent[] => {
  chartOfCommand(command);
  const task = taskOf(command, state);
  if (task.status === 'done') return [];
  if (task.status === 'cancelled') throw taskClosed(task.status);
  return [{ type: 'TaskCompleted', data: { taskId: task.taskId, chartId: task.chartId, completedBy: command.completedBy } }];
};

const cancelTask = (command: CancelTask, state: TaskState): TaskEvent[] => {
  chartOfCommand(command);
  const task = taskOf(command, state);
  if (task.status === 'cancelled') return [];
  if (task.status === 'done') throw taskClosed(task.status);
  return [{ type: 'TaskCancelled', data: { taskId: task.taskId, chartId: task.chartId } }];
};

const reopenTask = (command: ReopenTask, state: TaskState): TaskEvent[] => {
  chartOfCommand(command);
  const task = taskOf(command, state);
  if (task.status === 'open') return [];
  return [{ type: 'TaskReopened', data: { taskId: task.taskId, chartId: task.chartId } }];
};

export const decide = (command: TaskCommand, state: TaskState): TaskEvent[] => {
  switch (command.type) {
    case 'AssignTask':
      return assignTask(command, state);
    case 'EditTask':
      return editTask(command, state);
    case 'CompleteTask':
      return completeTask(command, state);
    case 'CancelTask':
      return cancelTask(command, state);
    case 'ReopenTask':
      return reopenTask(command, state);
    default:
      return assertNever(command);
  }
};

export { evolve, initialState };

export const taskDecider: Decider<TaskCommand, TaskState, TaskEvent> = { decide, evolve, initialState };
