import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream, contactStream } from '@practice/events';
import { contactDecider, type ChartState } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { runEmailChange } from '../application/email-change';
import { EditClientProfileCommand, type ChartCommandResult } from '../clients/client.commands';
import { contactDetailsOfClient, contactIdOfClient } from '../contacts/contact-resolver';
import { clientRecordDecider, patchedEdit } from './client-record-patch';

const emailOf = (state: ChartState): string | null => (state.status === 'open' ? state.email : null);

/**
 * The profile card's edit (PUT: the whole card; PATCH: a merge patch of it). When the email moves to
 * another address, the client-email claim moves with it (runEmailChange: claim, chart, release). A
 * client who is a contact on other charts (a parent of a minor...) is that contact: their contact record
 * then takes the profile's name, email and phone, so reminders and portal invitations reach them where
 * their own chart says.
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
    const contactPosition = await this.contactFollows(result.state as ChartState, envelope);
    return { chartId, revision: result.revision, position: Math.max(result.position, contactPosition) };
  }

  /** The position of the contact record's change, -1 when there was none (a retry finds nothing to change). */
  private async contactFollows(chart: ChartState, envelope: CommandEnvelope): Promise<number> {
    if (chart.status !== 'open' || Object.keys(chart.contactOn).length === 0) return -1;
    const contactId = contactIdOfClient(chart.chartId);
    const command = { type: 'FollowClientDetails' as const, contactId, practiceId: chart.practiceId, ...contactDetailsOfClient(chart) };
    const result = await this.runner.run(contactDecider, contactStream(contactId), command, envelope);
    return result.events.length > 0 ? result.position : -1;
  }
}
