import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '../../../../libs/events/src/streams';
import { CommandRunner } from '../application/command-runner';
import { ChangeChartCommand, type ChartCommandResult } from './client.commands';
import { clientRecordDecider } from './client-record-patch';

/** Every change that touches the chart stream alone. */
@CommandHandler(ChangeChartCommand)
export class ChangeChartHandler implements ICommandHandler<ChangeChartCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, command, expectedRevision }: ChangeChartCommand): Promise<ChartCommandResult> {
    const result = await this.runner.run(clientRecordDecider, chartStream(command.chartId), command, envelope, { expectedRevision });
    return { chartId: command.chartId, revision: result.revision, position: result.position };
  }
}
