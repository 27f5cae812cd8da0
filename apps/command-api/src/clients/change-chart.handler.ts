import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '../../../../libs/events/src/streams';
import { chartDecider } from '../../../../libs/domain/src/chart/chart.decider';
import { CommandRunner } from '../application/command-runner';
import { ChangeChartCommand, type ChartCommandResult } from './client.commands';

/** Every change that touches the chart stream alone. */
@CommandHandler(ChangeChartCommand)
export class ChangeChartHandler implements ICommandHandler<ChangeChartCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, command, expectedRevision }: ChangeChartCommand): Promise<ChartCommandResult> {
    const result = await this.runner.run(chartDecider, chartStream(command.chartId), command, envelope, { expectedRevision });
    return { chartId: command.chartId, revision: result.revision, position: result.position };
  }
}
