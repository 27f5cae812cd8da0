import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import type { ChartState } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { runEmailChange } from '../application/email-change';
import { EditClientProfileCommand, type ChartCommandResult } from '../clients/client.commands';
import { clientRecordDecider, patchedEdit } from './client-record-patch';

const emailOf = (state: ChartState): string | null => (state.status === 'open' ? state.email : null);

/**
 * The profile card's edit (PUT: the whole card; PATCH: a merge patch of it). When the email moves to
 * another address, the client-email claim moves with it (runEmailChange: claim, chart, release).
 */
@CommandHandler(EditClientProfileCommand)
export class EditClientProfileHandler implements ICommandHandler<EditClientProfileCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, command, expectedRevision }: EditClientProfileCommand): Promise<ChartCommandResult> {
    const { chartId, practiceId } = command;
    const emails = (before: ChartState) => {
      const { email } = command.type === 'EditClientProfile' ? command : patchedEdit(command, before);
      return { before: emailOf(before), after: email === null || email.trim() === '' ? null : email.trim() };
    };
    const change = { decider: clientRecordDecider, streamId: chartStream(chartId), command, scope: 'client-email' as const, scopeId: practiceId, ownerId: chartId, emails, expectedRevision };
    const result = await runEmailChange(this.runner, this.reservations, change, envelope);
    return { chartId, revision: result.revision, position: result.position };
  }
}
