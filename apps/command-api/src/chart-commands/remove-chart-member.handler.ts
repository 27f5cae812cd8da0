import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { RemoveChartMemberCommand, type ChartCommandResult } from '../clients/client.commands';

/** RemoveChartMember: the group chart first, then the member's own chart forgets the membership. */
@CommandHandler(RemoveChartMemberCommand)
export class RemoveChartMemberHandler implements ICommandHandler<RemoveChartMemberCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, chartId, clientId, expectedRevision }: RemoveChartMemberCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const result = await this.runner.run(chartDecider, chartStream(chartId), { type: 'RemoveChartMember', chartId, practiceId, clientId }, envelope, {
      expectedRevision,
    });
    await this.runner.run(chartDecider, chartStream(clientId), { type: 'LeaveGroupChart', chartId: clientId, practiceId, groupChartId: chartId }, envelope);
    return { chartId, revision: result.revision, position: result.position };
  }
}
