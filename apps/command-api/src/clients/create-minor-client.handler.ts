import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, createMinorClient, type CreateMinorClient } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { executeWorkflow } from '../application/workflow-executor';
import { CreateMinorClientCommand, type ChartCommandResult } from './client.commands';
import { assertClientEmailFree } from './client-emails';
import { chartContactOf, resolveContact } from '../contacts/contact-resolver';

/**
 * A minor with at least one contact: the createMinorClient workflow (the contacts' sides, the minor's
 * email claim, the minor's chart last), each step idempotent under the command id.
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
    // Decided (or a retry recognised) before anything is written; then an email in use is refused.
    const main = { decider: chartDecider, streamId: chartStream(chartId), command: create };
    await this.runner.prepare(chartDecider, main.streamId, create, envelope);
    if (email !== null) await assertClientEmailFree(this.reservations, envelope, practiceId, email, chartId, 'email');
    const result = await executeWorkflow(this.runner, this.reservations, createMinorClient(create, contacts), main, envelope);
    return { chartId, revision: result.revision, position: result.position, created: { contactIds: contacts.map((c) => c.contactId) } };
  }
}
