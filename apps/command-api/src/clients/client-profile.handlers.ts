import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '../../../../libs/events/src/streams';
import type { ChartEvent } from '../../../../libs/events/src/chart.events';
import { chartDecider, emailClaimChanges, type ChartState } from '../../../../libs/domain/src/chart/chart.decider';
import { CommandRunner, RevisionMismatchError } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { DeleteClientCommand, EditClientProfileCommand, type ChartCommandResult } from './client.commands';
import { clientRecordDecider, patchedEdit } from './client-record-patch';
import { executeWorkflow } from '../application/workflow-executor';
import { deleteClientCascade } from '../../../../libs/domain/src/workflows/chart-workflows';

const emailOf = (state: ChartState): string | null => (state.status === 'open' ? state.email : null);

/**
 * The profile card's edit (PUT: the whole card; PATCH: a merge patch of it). When the email moves to
 * another address: claim the new one, change the chart, then release the old one (a crash in between
 * leaves an extra claim, never a double use).
 */
@CommandHandler(EditClientProfileCommand)
export class EditClientProfileHandler implements ICommandHandler<EditClientProfileCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, command, expectedRevision }: EditClientProfileCommand): Promise<ChartCommandResult> {
    const { chartId, practiceId } = command;
    const { state, revision, events } = await this.runner.load(chartDecider, chartStream(chartId));
    const resuming = events.some((event) => event.metadata.causationId === envelope.commandId);
    // The email before this command, also when a retry resumes it after the chart was changed.
    const earlier = events.filter((event) => event.metadata.causationId !== envelope.commandId);
    const beforeState = earlier.reduce((s, e) => chartDecider.evolve(s, e as unknown as ChartEvent), chartDecider.initialState());
    const before = emailOf(beforeState);
    if (!resuming) {
      clientRecordDecider.decide(command, state);
      if (expectedRevision !== undefined && expectedRevision !== revision) {
        throw new RevisionMismatchError(chartStream(chartId), expectedRevision, revision);
      }
    }
    const { email } = command.type === 'EditClientProfile' ? command : patchedEdit(command, beforeState);
    const after = email === null || email.trim() === '' ? null : email.trim();
    const moves = emailClaimChanges(before, after);
    if (moves && after !== null) await this.reservations.reserve('client-email', practiceId, after, chartId, chartStream, envelope);
    const result = await this.runner.run(clientRecordDecider, chartStream(chartId), command, envelope);
    if (moves && before !== null) await this.reservations.release('client-email', practiceId, before, chartId, envelope);
    return { chartId, revision: result.revision, position: result.position };
  }
}

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
    const main = { decider: chartDecider, streamId: chartStream(chartId), command: { type: 'DeleteClient' as const, chartId, practiceId } };
    // The chart as it was before the delete, also when a retry resumes a delete that already landed.
    const { before } = await this.runner.prepare(main.decider, main.streamId, main.command, envelope, { expectedRevision });
    const result = await executeWorkflow(this.runner, this.reservations, deleteClientCascade(before, practiceId), main, envelope, { expectedRevision });
    return { chartId, revision: result.revision, position: result.position };
  }
}
