import { fileDecider, fileNotFound, type FileState } from '@practice/domain';
import { fileStream } from '@practice/events';
import { isUuid } from '../http/practice-member.guard';
import type { CommandRunner } from '../application/command-runner';

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
