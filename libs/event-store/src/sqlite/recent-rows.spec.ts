import { RecentRows } from './recent-rows';
import type { RowAppend, RowOutcome } from './sqlite-writer';

const append = (streamId: string, types: readonly string[], category = 'chart'): RowAppend => ({
  streamId,
  category,
  expectedRevision: 'any',
  rows: types.map((type, i) => ({ eventId: `${streamId}-${i}`, type, data: `{"i":${i}}`, metadata: '{}' })),
});
const appended = (firstPosition: number, count: number, nextExpectedRevision: number): RowOutcome => ({
  kind: 'appended',
  position: firstPosition + count - 1,
  firstPosition,
  nextExpectedRevision,
});

describe('RecentRows (the rows just committed, for live subscriptions)', () => {
  it('serves a range it holds whole, with positions and revisions as the log has them', () => {
    const recent = new RecentRows();
    recent.remember([append('chart-a', ['A', 'B']), append('tags-p', ['T'], 'tags')], [appended(10, 2, 4), appended(12, 1, 0)]);
    expect(recent.page(9, 12, 100)).toEqual([
      { position: 10, stream_id: 'chart-a', category: 'chart', revision: 3, type: 'A', data: '{"i":0}', metadata: '{}' },
      { position: 11, stream_id: 'chart-a', category: 'chart', revision: 4, type: 'B', data: '{"i":1}', metadata: '{}' },
      { position: 12, stream_id: 'tags-p', category: 'tags', revision: 0, type: 'T', data: '{"i":0}', metadata: '{}' },
    ]);
    expect(recent.page(9, 12, 2)?.map((row) => row.position)).toEqual([10, 11]);
    expect(recent.page(12, 12, 100)).toEqual([]);
  });

  it('filters by category or type as the SQL reads do, the limit counting matches', () => {
    const recent = new RecentRows();
    recent.remember([append('chart-a', ['A', 'B']), append('tags-p', ['T'], 'tags')], [appended(10, 2, 1), appended(12, 1, 0)]);
    expect(recent.page(9, 12, 100, { streamCategories: ['tags'] })?.map((row) => row.position)).toEqual([12]);
    expect(recent.page(9, 12, 100, { eventTypes: ['B'], streamCategories: ['tags'] })?.map((row) => row.position)).toEqual([11, 12]);
    expect(recent.page(9, 12, 1, { eventTypes: ['B', 'T'] })?.map((row) => row.position)).toEqual([11]);
    expect(recent.page(9, 12, 100, { eventTypes: [], streamCategories: [] })?.length).toBe(3);
  });

  it('answers nothing (read the log) when a position of the range is not its own: another process, older rows, a gap', () => {
    const recent = new RecentRows();
    recent.remember([append('chart-a', ['A']), append('chart-b', ['B'])], [appended(10, 1, 0), appended(12, 1, 0)]);
    expect(recent.page(9, 12, 100)).toBeUndefined(); // 11 was written by someone else
    expect(recent.page(8, 10, 100)).toBeUndefined(); // 9 is older than what it holds
    expect(recent.page(11, 12, 100)?.map((row) => row.position)).toEqual([12]);
  });

  it('keeps nothing of appends that inserted no row (a conflict, a retry answered as before)', () => {
    const recent = new RecentRows();
    const retry: RowOutcome = { kind: 'appended', position: 3, nextExpectedRevision: 0 };
    recent.remember([append('chart-a', ['A']), append('chart-b', ['B'])], [retry, { kind: 'conflict', actual: 2 }]);
    expect(recent.page(2, 3, 100)).toBeUndefined();
  });

  it('keeps only the last rows up to its capacity', () => {
    const recent = new RecentRows(2);
    recent.remember([append('chart-a', ['A', 'B', 'C'])], [appended(1, 3, 2)]);
    expect(recent.page(0, 3, 100)).toBeUndefined();
    expect(recent.page(1, 3, 100)?.map((row) => row.type)).toEqual(['B', 'C']);
  });
});
