import type { ReadStore } from '@practice/read-store';
import { CHARTS, type ChartDocument, isOverdue, TASKS, type TaskDocument } from '@practice/read-models';
import { findPage, Keyset, type PageQueryDto } from '../http/keyset-page';

/**
 * The practice's day. Practice settings have no time zone yet, so a practice's day is the UTC day: a
 * task due on the 1st is overdue from 00:00 UTC on the 2nd. With a time-zone setting this is the one
 * place to change.
 */
export const practiceToday = (now: Date): string => now.toISOString().slice(0, 10);

const BY_DUE_DATE = { dueDate: 1, _id: 1 } as const;
const chartTasksKeyset = new Keyset('chart-tasks', ['string', 'string']);
const overdueKeyset = new Keyset('overdue-tasks', ['string', 'string']);

export const taskItem = (doc: TaskDocument, today: string) => ({
  taskId: doc._id,
  chartId: doc.chartId,
  assignee: doc.assignee,
  title: doc.title,
  description: doc.description,
  dueDate: doc.dueDate,
  status: doc.status,
  overdue: isOverdue(doc, today),
  assignedAt: doc.assignedAt,
  assignedBy: doc.assignedBy,
  completedAt: doc.completedAt,
  completedBy: doc.completedBy,
  cancelledAt: doc.cancelledAt,
  revision: doc.revision,
});

const tasks = (readStore: ReadStore) => readStore.collection<TaskDocument>(TASKS);

/** A chart's tasks by due date (index `chart_dueDate`, or `chart_status_dueDate` with a status). */
export const listChartTasks = async (readStore: ReadStore, chartId: string, query: PageQueryDto & { status?: string }, now: Date) => {
  const filter = query.status === undefined ? { chartId } : { chartId, status: query.status };
  const page = await findPage(tasks(readStore), filter, BY_DUE_DATE, chartTasksKeyset, query);
  const today = practiceToday(now);
  return { items: page.items.map((doc) => taskItem(doc, today)), nextCursor: page.nextCursor };
};

/** The name a practice list shows for a chart: the group's name, or the client's first and last name. */
const chartNameOf = (chart: ChartDocument): string => chart.group?.name ?? `${chart.profile.firstName} ${chart.profile.lastName}`;

/**
 * Open tasks due before today across the practice, oldest due first (index `open_dueDate`),
 * each with the name of its chart. Tasks of a deleted chart are left out: the tasks read model keeps
 * them (a deletion is a chart event, not one of each task), so a page may hold fewer than `limit`
 * items while `nextCursor` says there are more.
 */
export const listOverdueTasks = async (readStore: ReadStore, practiceId: string, query: PageQueryDto, now: Date) => {
  const today = practiceToday(now);
  const filter = { openPracticeId: practiceId, dueDate: { $lt: today } };
  const page = await findPage(tasks(readStore), filter, BY_DUE_DATE, overdueKeyset, query);
  const charts = await readStore.collection<ChartDocument>(CHARTS).getMany([...new Set(page.items.map((doc) => doc.chartId))]);
  const items = page.items.flatMap((doc) => {
    const chart = charts.get(doc.chartId);
    return chart && chart.practiceId === practiceId ? [{ ...taskItem(doc, today), chartName: chartNameOf(chart) }] : [];
  });
  return { items, nextCursor: page.nextCursor };
};

/** The Tasks tab's counts on the chart document: open, and of those the overdue ones. */
export const taskSummary = async (readStore: ReadStore, chartId: string, now: Date) => ({
  open: await tasks(readStore).count({ chartId, status: 'open' }),
  overdue: await tasks(readStore).count({ chartId, status: 'open', dueDate: { $lt: practiceToday(now) } }),
});
