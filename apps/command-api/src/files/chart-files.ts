import { chartDecider, chartNotFound, fileDecider, fileNotFound, type FileState } from '@practice/domain';
import { chartStream, fileStream } from '@practice/events';
import { isUuid } from '../http/practice-member.guard';
import type { CommandRunner } from '../application/command-runner';

/** The chart of the path must be an open chart of the practice: 404 otherwise, before anything is read or written. */
export const requireOpenChart = async (runner: CommandRunner, practiceId: string, chartId: string): Promise<void> => {
  const { state } = await runner.load(chartDecider, chartStream(chartId));
  if (state.status !== 'open' || state.practiceId !== practiceId) throw chartNotFound();
};

export type ShownFile = Extract<FileState, { status: 'uploaded' }>;

/**
 * A file shown on the chart of the path, folded from its own stream (so a download right after the
 * upload, or right after a delete, sees it). Another chart's or practice's file, a deleted one or an
 * id that is not even a UUID: 404.
 */
export const shownFile = async (runner: CommandRunner, practiceId: string, chartId: string, fileId: string): Promise<ShownFile> => {
  if (!isUuid(fileId)) throw fileNotFound();
  const { state } = await runner.load(fileDecider, fileStream(fileId));
  if (state.status !== 'uploaded' || state.practiceId !== practiceId || state.chartId !== chartId) throw fileNotFound();
  return state;
};
