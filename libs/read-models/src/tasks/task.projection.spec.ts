import { InMemoryReadStore } from '@practice/read-store';
import type { TaskEvent } from '@practice/events';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { isOverdue, TASKS, taskProjection, type TaskDocument } from './task.projection';

const taskId = 't-1';
const chartId = 'c-1';
const assigned: TaskEvent = {
  type: 'TaskAssigned',
  data: { taskId, practiceId: 'p-1', chartId, assignee: { kind: 'client' }, title: 'Thought record', description: null, dueDate: '2026-03-01' },
};
/** Recorded as one task stream: revisions 0, 1, 2, ... */
const taskStream = (events: TaskEvent[], from = 0) => recorded(events, { from, actorUserId: 'u-1' }).map((event, index) => ({ ...event, revision: from + index }));

describe('tasks projection', () => {
  const collection = () => new InMemoryReadStore().collection<TaskDocument>(TASKS);

  it('keeps each task as it is now, with who completed it, its revision and times', async () => {
    const tasks = collection();
    await applyBatch(taskProjection, tasks, taskStream([
      assigned,
      { type: 'TaskEdited', data: { taskId, chartId, title: 'Breathing', description: 'Box breathing', dueDate: '2026-03-08' } },
      { type: 'TaskCompleted', data: { taskId, chartId, completedBy: { kind: 'staff', userId: 'u-2' } } },
    ]));
    expect(await tasks.get(taskId)).toMatchObject({
      practiceId: 'p-1',
      chartId,
      assignee: { kind: 'client' },
      title: 'Breathing',
      description: 'Box breathing',
      dueDate: '2026-03-08',
      status: 'done',
      openPracticeId: null,
      assignedBy: 'u-1',
      completedBy: { kind: 'staff', userId: 'u-2' },
      completedAt: expect.any(String),
      cancelledAt: null,
      revision: 2,
    });
  });

  it('reopening clears the completion; cancelling records when', async () => {
    const tasks = collection();
    await applyBatch(taskProjection, tasks, taskStream([
      assigned,
      { type: 'TaskCompleted', data: { taskId, chartId, completedBy: { kind: 'client' } } },
      { type: 'TaskReopened', data: { taskId, chartId } },
    ]));
    expect(await tasks.get(taskId)).toMatchObject({ status: 'open', openPracticeId: 'p-1', completedAt: null, completedBy: null, revision: 2 });
    await applyBatch(taskProjection, tasks, taskStream([{ type: 'TaskCancelled', data: { taskId, chartId } }], 3));
    expect(await tasks.get(taskId)).toMatchObject({ status: 'cancelled', openPracticeId: null, cancelledAt: expect.any(String), revision: 3 });
  });

  it('applies the same event twice as once', async () => {
    const tasks = collection();
    const batch = taskStream([assigned, { type: 'TaskCompleted', data: { taskId, chartId, completedBy: { kind: 'staff', userId: 'u-2' } } }]);
    await applyBatch(taskProjection, tasks, batch);
    const once = await tasks.get(taskId);
    await applyBatch(taskProjection, tasks, batch);
    await applyBatch(taskProjection, tasks, [batch[1]]);
    expect(await tasks.get(taskId)).toEqual(once);
    expect(await tasks.count({})).toBe(1);
  });

  it('ignores a change of a task it never saw assigned', async () => {
    const tasks = collection();
    await applyBatch(taskProjection, tasks, taskStream([{ type: 'TaskCancelled', data: { taskId, chartId } }]));
    expect(await tasks.count({})).toBe(0);
  });
});

describe('overdue (derived when read, never stored)', () => {
  it('is an open task whose due date is before today', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-03-01' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueDate: '2026-03-01' }, '2026-04-01')).toBe(false);
  });
});
