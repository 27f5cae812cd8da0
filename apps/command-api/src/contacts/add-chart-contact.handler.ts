import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, linkContact, type AddChartContact } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { executeWorkflow } from '../application/workflow-executor';
import { AddChartContactCommand, type ChartCommandResult } from '../clients/client.commands';
import { chartContactOf, chartNameOf, resolveContact } from './contact-resolver';

/** Adds a contact (new, existing, or an existing client) to an individual or minor chart: the linkContact workflow, chart last. */
@CommandHandler(AddChartContactCommand)
export class AddChartContactHandler implements ICommandHandler<AddChartContactCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, chartId, contact: input, expectedRevision }: AddChartContactCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state } = await this.runner.load(chartDecider, chartStream(chartId));
    const contact = await resolveContact(this.runner, envelope, practiceId, input.ref, 'contact', 'contact');
    const add: AddChartContact = { type: 'AddChartContact', chartId, practiceId, contact: chartContactOf(contact, input) };
    // The chart decides first (a retry is recognised, If-Match checked) before the contact's side is written.
    const main = { decider: chartDecider, streamId: chartStream(chartId), command: add };
    await this.runner.prepare(chartDecider, main.streamId, add, envelope, { expectedRevision });
    const steps = linkContact({ chartId, name: chartNameOf(state), practiceId }, contact);
    const result = await executeWorkflow(this.runner, this.reservations, steps, main, envelope);
    return { chartId, revision: result.revision, position: result.position, created: { contactId: contact.contactId } };
  }
}
