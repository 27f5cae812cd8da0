import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { RemoveChartContactCommand, type ChartCommandResult } from '../clients/client.commands';

/** Removes a contact from a chart; a contact who is a client then stops being "a contact elsewhere". */
@CommandHandler(RemoveChartContactCommand)
export class RemoveChartContactHandler implements ICommandHandler<RemoveChartContactCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, chartId, contactId, expectedRevision }: RemoveChartContactCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state } = await this.runner.load(chartDecider, chartStream(chartId));
    const clientId = state.status === 'open' ? state.contacts[contactId]?.clientId ?? null : null;
    const result = await this.runner.run(chartDecider, chartStream(chartId), { type: 'RemoveChartContact', chartId, practiceId, contactId }, envelope, {
      expectedRevision,
    });
    if (clientId !== null) {
      await this.runner.run(chartDecider, chartStream(clientId), { type: 'RecordClientNoLongerContact', chartId: clientId, practiceId, onChartId: chartId }, envelope);
    }
    return { chartId, revision: result.revision, position: result.position };
  }
}
