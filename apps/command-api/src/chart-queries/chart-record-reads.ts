import { Injectable } from '@nestjs/common';
import { ChartReadAudit } from '../application/chart-read-audit';
import { CommandRunner } from '../application/command-runner';
import { ReadModelFreshness } from '../application/read-model-freshness';
import type { ChartCall } from '../chart-commands/chart-call';
import { assertOpenChartOfPractice } from './open-chart';

/**
 * The one way a route reads the records of the chart in its path (tasks, document requests, notes,
 * files): the chart open in the caller's practice (else 404), the read models past the caller's
 * consistency token, then the read, recorded as `view` once it succeeded.
 */
@Injectable()
export class ChartRecordReads {
  constructor(
    private readonly runner: CommandRunner,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ChartReadAudit,
  ) {}

  async read<T>(call: ChartCall, token: number | undefined, readModels: readonly string[], view: string, read: () => Promise<T>): Promise<T> {
    await assertOpenChartOfPractice(this.runner, call.practiceId, call.chartId);
    await this.freshness.awaitPosition(token, readModels);
    const result = await read();
    await this.audit.record(call.actorUserId, call.practiceId, call.chartId, view);
    return result;
  }
}
