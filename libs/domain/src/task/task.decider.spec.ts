import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent, TaskEvent } from '@practice/events';
import { fold } from '../shared/decider';
import { evolve as evolveChart, initialState as initialChart, type ChartState } from '../chart/chart.state';
import { chartId, contactAdded, groupCreated, individualCreated, memberAdded, minorCreated, practiceId } from '../chart/chart-spec.fixtures';
import { taskDecider, type TaskCommand } from './task.decider';

const spec = deciderSpec(taskDecider);
const taskId = 't-1';
const chartOf = (...events: ChartEvent[]): ChartState => fold({ evolve: evolveChart, initialState: initialChart }, events);
const individual = chartOf(individualCreated);

const assign = (overrides: Partial<Extract<TaskCommand, { type: 'AssignTask' }>> = {}): TaskCommand => ({
  type: 'AssignTask',
  taskId,
  practiceId,
  chartId,
  chart: individual,
  assignee: { kind: 'client' },
  title: 'Thought record',
  description: null,
  dueDate: '2026-03-01',
  ...overrides,
});
const on = (chart: ChartState = individual) => ({ taskId, practiceId, chartId, chart });

const assigned: TaskEvent = {
  type: 'TaskAssigned',
  data: { taskId, practiceId, chartId, assignee: { kind: 'client' }, title: 'Thought record', description: null, dueDate: '2026-03-01' },
};
const completed: TaskEvent = { type: 'TaskCompleted', data: { taskId, chartId, completedBy: { kind: 'staff', userId: 'u-1' } } };
const cancelled: TaskEvent = { type: 'TaskCancelled', data: { taskId, chartId } };

describe('Task decider', () => {
  describe('when there is no task yet', () => {
    it('assigns a task to the client of an individual chart, with a tidy title and description', () => {
      spec.given([]).when(assign({ title: '  Thought   record ', description: '  Three a week  ' })).then([
        { ...assigned, data: { ...assigned.data, description: 'Three a week' } } as TaskEvent,
      ]);
    });

    it('refuses a blank title, a long description and a date that is not a calendar date, naming the field', () => {
      spec.given([]).when(assign({ title: '   ' })).thenThrows('TitleRequired', 'title');
      spec.given([]).when(assign({ description: 'x'.repeat(4001) })).thenThrows('TextTooLong', 'description');
      spec.given([]).when(assign({ dueDate: '2026-02-30' })).thenThrows('InvalidDate', 'dueDate');
      spec.given([]).when(assign({ dueDate: '01/03/2026' })).thenThrows('InvalidDate', 'dueDate');
    });

    it('refuses a chart of another practice, a deleted chart, or no chart at all: not found', () => {
      spec.given([]).when(assign({ practiceId: 'p-other' })).thenThrows('ChartNotFound');
      spec.given([]).when(assign({ chart: chartOf() })).thenThrows('ChartNotFound');
      spec.given([]).when(assign({ chart: chartOf(individualCreated, { type: 'ClientDeleted', data: { chartId } } as ChartEvent) })).thenThrows('ChartNotFound');
    });

    it("assigns to a contact linked to a minor's chart, and refuses one that is not linked", () => {
      const minor = chartOf(minorCreated, contactAdded('k-1'));
      spec.given([]).when(assign({ chart: minor, assignee: { kind: 'contact', contactId: 'k-1' } })).then([
        { ...assigned, data: { ...assigned.data, assignee: { kind: 'contact', contactId: 'k-1' } } } as TaskEvent,
      ]);
      spec.given([]).when(assign({ chart: minor, assignee: { kind: 'contact', contactId: 'k-2' } })).thenThrows('UnknownContact', 'assignee.contactId');
      spec.given([]).when(assign({ chart: minor })).then([assigned]);
    });

    it('takes contacts on minors only, and members on group charts only', () => {
      spec.given([]).when(assign({ assignee: { kind: 'contact', contactId: 'k-1' } })).thenThrows('InvalidAssignee', 'assignee.kind');
      spec.given([]).when(assign({ assignee: { kind: 'member', clientId: 'm-1' } })).thenThrows('InvalidAssignee', 'assignee.kind');
    });

    it('on a group chart assigns one member, never the chart itself or a non-member', () => {
      const group = chartOf(groupCreated, memberAdded('m-1'));
      spec.given([]).when(assign({ chart: group, assignee: { kind: 'member', clientId: 'm-1' } })).then([
        { ...assigned, data: { ...assigned.data, assignee: { kind: 'member', clientId: 'm-1' } } } as TaskEvent,
      ]);
      spec.given([]).when(assign({ chart: group })).thenThrows('InvalidAssignee', 'assignee.kind');
      spec.given([]).when(assign({ chart: group, assignee: { kind: 'member', clientId: 'm-2' } })).thenThrows('NotAMember', 'assignee.clientId');
    });

    it('has nothing to edit, complete, cancel or reopen', () => {
      spec.given([]).when({ type: 'CompleteTask', ...on(), completedBy: { kind: 'staff', userId: 'u-1' } }).thenThrows('TaskNotFound');
      spec.given([]).when({ type: 'CancelTask', ...on() }).thenThrows('TaskNotFound');
      spec.given([]).when({ type: 'ReopenTask', ...on() }).thenThrows('TaskNotFound');
    });
  });

  describe('when the task is open', () => {
    it('refuses to assign it again', () => {
      spec.given([assigned]).when(assign()).thenThrows('TaskAlreadyExists');
    });

    it('edits title, description and due date; the same values change nothing', () => {
      const edit = { type: 'EditTask' as const, ...on(), title: 'Breathing', description: 'Box breathing', dueDate: '2026-03-08' };
      spec.given([assigned]).when(edit).then([{ type: 'TaskEdited', data: { taskId, chartId, title: 'Breathing', description: 'Box breathing', dueDate: '2026-03-08' } }]);
      spec.given([assigned]).when({ ...edit, title: 'Thought record', description: null, dueDate: '2026-03-01' }).then([]);
      spec.given([assigned]).when({ ...edit, dueDate: '2026-13-01' }).thenThrows('InvalidDate', 'dueDate');
    });

    it('is completed by a member of the practice, recording who; done twice is done once', () => {
      const complete = { type: 'CompleteTask' as const, ...on(), completedBy: { kind: 'staff' as const, userId: 'u-1' } };
      spec.given([assigned]).when(complete).then([completed]);
      spec.given([assigned, completed]).when(complete).then([]);
    });

    it('leaves room for completion by the client through the portal', () => {
      spec.given([assigned]).when({ type: 'CompleteTask', ...on(), completedBy: { kind: 'client' } }).then([
        { type: 'TaskCompleted', data: { taskId, chartId, completedBy: { kind: 'client' } } },
      ]);
    });

    it('is cancelled; reopening an open task changes nothing', () => {
      spec.given([assigned]).when({ type: 'CancelTask', ...on() }).then([cancelled]);
      spec.given([assigned]).when({ type: 'ReopenTask', ...on() }).then([]);
    });

    it('is not found through another chart or another practice', () => {
      const other = chartOf({ ...individualCreated, data: { ...individualCreated.data, chartId: 'c-2' } } as ChartEvent);
      spec.given([assigned]).when({ type: 'CancelTask', taskId, practiceId, chartId: 'c-2', chart: other }).thenThrows('TaskNotFound');
      spec.given([assigned]).when({ type: 'CancelTask', ...on(), practiceId: 'p-other' }).thenThrows('ChartNotFound');
    });
  });

  describe('when the task is done or cancelled', () => {
    it('cannot be edited until it is reopened', () => {
      const edit = { type: 'EditTask' as const, ...on(), title: 'Breathing', description: null, dueDate: '2026-03-08' };
      spec.given([assigned, completed]).when(edit).thenThrows('TaskClosed');
      spec.given([assigned, cancelled]).when(edit).thenThrows('TaskClosed');
      spec.given([assigned, completed, { type: 'TaskReopened', data: { taskId, chartId } }]).when(edit).then([
        { type: 'TaskEdited', data: { taskId, chartId, title: 'Breathing', description: null, dueDate: '2026-03-08' } },
      ]);
    });

    it('a cancelled task cannot be done, a done one cannot be cancelled; cancelled twice is cancelled once', () => {
      spec.given([assigned, cancelled]).when({ type: 'CompleteTask', ...on(), completedBy: { kind: 'client' } }).thenThrows('TaskClosed');
      spec.given([assigned, completed]).when({ type: 'CancelTask', ...on() }).thenThrows('TaskClosed');
      spec.given([assigned, cancelled]).when({ type: 'CancelTask', ...on() }).then([]);
    });

    it('reopens', () => {
      spec.given([assigned, completed]).when({ type: 'ReopenTask', ...on() }).then([{ type: 'TaskReopened', data: { taskId, chartId } }]);
      spec.given([assigned, cancelled]).when({ type: 'ReopenTask', ...on() }).then([{ type: 'TaskReopened', data: { taskId, chartId } }]);
    });
  });
});
