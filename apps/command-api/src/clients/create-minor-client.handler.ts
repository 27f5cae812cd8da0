import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, type CreateMinorClient } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { CreateMinorClientCommand, type ChartCommandResult } from './client.commands';
import { assertClientEmailFree } from './client-emails';
import { chartContactOf, prepareContactLink, resolveContact } from '../contacts/contact-resolver';

/**
 * A minor with at least one contact. Order of writes, each idempotent under the command id: the
 * contacts (and, for a contact who is a client, the fact on their chart), the minor's email claim,
 * then the minor's chart last, so a half-done command leaves no chart behind and a retry with the
 * same Idempotency-Key finishes it with the same ids.
 */
@CommandHandler(CreateMinorClientCommand)
export class CreateMinorClientHandler implements ICommandHandler<CreateMinorClientCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute(command: CreateMinorClientCommand): Promise<ChartCommandResult> {
    const { envelope, firstName, lastName, email, portalAccess } = command;
    const practiceId = envelope.practiceId!;
    const chartId = envelope.newId('chartId');
    const contacts = await Promise.all(
      command.contacts.map((input, i) => resolveContact(this.runner, envelope, practiceId, input.ref, `contacts.${i}`, `contact-${i}`)),
    );
    const create: CreateMinorClient = {
      type: 'CreateMinorClient',
      chartId,
      practiceId,
      firstName,
      lastName,
      email,
      portalAccess,
      contacts: contacts.map((contact, i) => chartContactOf(contact, command.contacts[i])),
    };
    chartDecider.decide(create, chartDecider.initialState());
    if (email !== null) await assertClientEmailFree(this.reservations, envelope, practiceId, email, chartId, 'email');

    const minorName = `${firstName.trim()} ${lastName.trim()}`;
    for (const contact of contacts) {
      await prepareContactLink(this.runner, envelope, practiceId, contact, chartId, minorName);
    }
    // -1: the chart is created by this command (at no revision), which is what the claim names.
    if (email !== null) await this.reservations.reserve('client-email', practiceId, email, chartId, -1, envelope);
    const result = await this.runner.run(chartDecider, chartStream(chartId), create, envelope);
    return { chartId, revision: result.revision, position: result.position, created: { contactIds: contacts.map((c) => c.contactId) } };
  }
}
