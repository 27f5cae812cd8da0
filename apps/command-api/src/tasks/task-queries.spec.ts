import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch, CHARTS, chartDocumentProjection, TASKS, taskProjection } from '@practice/read-models';
import { recorded } from '../../../../libs/read-models/src/profiles/recorded-events.fixture';
import type { DomainEvent } from '@practice/events';
import { listChartTasks, listOverdueTasks, practiceToday, taskSummary } from './task-queries';

/**
 * The practice's overdue list and a chart's counts read through the `tasks` indexes, in page order
 * (asserted on the query plan), and overdue is judged against the day of reading.
 */
describe('task queries', () => {
  const practiceId = 'p-1';
  const store = new InMemoryReadStore();
  const tasks = store.collection(TASKS);
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    await tasks.ensureIndexes(taskProjection.indexes);
    const events: DomainEvent[] = [];
    for (let c = 0; c < 20; c += 1) {
      const chartId = `c-${String(c).padStart(2, '0')}`;
      events.push({ type: 'ClientCreated', data: { chartId, practiceId: c < 18 ? practiceId : 'p-other', kind: 'individual', firstName: 'F', lastName: chartId, email: null } });
      for (let t = 0; t < 50; t += 1) {
        const taskId = `${chartId}-t-${String(t).padStart(2, '0')}`;
        // Due dates from 2026-02-01 on, one a day: those before 2026-03-10 are overdue while open.
        const dueDate = new Date(Date.UTC(2026, 1, 1 + t)).toISOString().slice(0, 10);
        events.push({ type: 'TaskAssigned', data: { taskId, practiceId: c < 18 ? practiceId : 'p-other', chartId, assignee: { kind: 'client' }, title: `Task ${t}`, description: null, dueDate } });
        if (t % 5 === 0) events.push({ type: 'TaskCompleted', data: { taskId, chartId, completedBy: { kind: 'staff', userId: 'u-1' } } });
      }
    }
    const batch = recorded(events);
    await applyBatch(taskProjection, tasks, batch);
    await applyBatch(chartDocumentProjection, store.collection(CHARTS), batch);
  });

  it("takes the practice's day as the UTC date", () => {
    expect(practiceToday(new Date('2026-03-09T23:59:59Z'))).toBe('2026-03-09');
    expect(practiceToday(new Date('2026-03-10T00:00:00Z'))).toBe('2026-03-10');
  });

  it("lists the practice's open tasks due before today, oldest first, through its index, page by page", async () => {
    const plan = tasks.explain({ openPracticeId: practiceId, dueDate: { $lt: '2026-03-10' } }, { sort: { dueDate: 1, _id: 1 }, limit: 51 });
    expect(plan).toEqual({ index: 'open_dueDate', candidates: 18 * 40, sorted: true });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOverdueTasks(store, practiceId, { limit: 100, ...(cursor ? { cursor } : {}) }, now);
      expect(page.items.every((item) => item.overdue && item.status === 'open' && item.dueDate < '2026-03-10' && item.chartName.startsWith('F c-'))).toBe(true);
      seen.push(...page.items.map((item) => item.taskId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // 37 days overdue (02-01 .. 03-09), 8 of them completed (every fifth), on each of the 18 charts.
    expect(seen).toHaveLength(18 * (37 - 8));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some((id) => id.startsWith('c-18') || id.startsWith('c-19'))).toBe(false);
  });

  it("counts a chart's open and overdue tasks, and lists them by status through the chart's index", async () => {
    expect(await taskSummary(store, 'c-00', now)).toEqual({ open: 40, overdue: 29 });
    // A chart's tasks are few: its index holds them in due-date order, the status is tested on each.
    const plan = tasks.explain({ chartId: 'c-00', status: 'done' }, { sort: { dueDate: 1, _id: 1 }, limit: 51 });
    expect(plan).toEqual({ index: 'chart_dueDate', candidates: 50, sorted: true });
    const done = await listChartTasks(store, 'c-00', { status: 'done' }, now);
    expect(done.items.map((item) => [item.status, item.overdue])).toEqual(Array(10).fill(['done', false]));
  });
});
