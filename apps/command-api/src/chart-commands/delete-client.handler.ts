import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream, type ChartEvent } from '@practice/events';
import { chartDecider, type ChartState, deleteClientCascade } from '@practice/domain';
import { CommandRunner, foldRecorded } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { DeleteClientCommand, type ChartCommandResult } from '../clients/client.commands';
import { executeWorkflow } from '../application/workflow-executor';

/**
 * Delete: the chart first (refused, naming the charts, while the client is linked elsewhere), then
 * its email is released and the charts it linked to forget it: a group's members leave it, clients
 * who were its contacts stop being contacts of it.
 */
@CommandHandler(DeleteClientCommand)
export class DeleteClientHandler implements ICommandHandler<DeleteClientCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, chartId, expectedRevision }: DeleteClientCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const stream = chartStream(chartId);
    const main = { decider: chartDecider, streamId: stream, command: { type: 'DeleteClient' as const, chartId, practiceId } };
    const result = await this.runner.run(main.decider, stream, main.command, envelope, { expectedRevision });
    // The cascade follows the chart as it was just before the delete, read after it, so a change that
    // landed between the decision and the append (an email edit) counts; also when a retry resumes.
    const { events } = await this.runner.load(chartDecider, stream);
    const deletedAt = events.findIndex((event) => event.type === 'ClientDeleted');
    const before = foldRecorded<ChartState, ChartEvent>(chartDecider, deletedAt < 0 ? events : events.slice(0, deletedAt));
    const cascade = deleteClientCascade(before, practiceId).filter((step) => step.kind !== 'main');
    await executeWorkflow(this.runner, this.reservations, cascade, main, envelope);
    return { chartId, revision: result.revision, position: result.position };
  }
}
