import { chartStream } from '@practice/events';
import { chartDecider, chartNotFound } from '@practice/domain';
import type { CommandRunner } from '../application/command-runner';

/**
 * Reads of a chart's records (tasks, document requests) need the chart open in the caller's practice,
 * as the commands do: folded from its stream, so a chart just created is found without waiting for
 * the read models, and a deleted one is not (unlike its history, which auditors read after deletion).
 */
export const assertOpenChartOfPractice = async (runner: CommandRunner, practiceId: string, chartId: string): Promise<void> => {
  const { state } = await runner.load(chartDecider, chartStream(chartId));
  if (state.status !== 'open' || state.practiceId !== practiceId) throw chartNotFound();
};
