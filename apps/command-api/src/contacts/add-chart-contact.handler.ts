import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, type AddChartContact } from '@practice/domain';
import { CommandRunner, RevisionMismatchError } from '../application/command-runner';
import { AddChartContactCommand, type ChartCommandResult } from '../clients/client.commands';
import { chartContactOf, chartNameOf, prepareContactLink, resolveContact } from './contact-resolver';

/** Adds a contact (new, existing, or an existing client) to an individual or minor chart; chart last. */
@CommandHandler(AddChartContactCommand)
export class AddChartContactHandler implements ICommandHandler<AddChartContactCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, chartId, contact: input, expectedRevision }: AddChartContactCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state, revision, events } = await this.runner.load(chartDecider, chartStream(chartId));
    const contact = await resolveContact(this.runner, envelope, practiceId, input.ref, 'contact', 'contact');
    const add: AddChartContact = {
      type: 'AddChartContact',
      chartId,
      practiceId,
      contact: chartContactOf(contact, input),
    };
    const resuming = events.some((event) => event.metadata.causationId === envelope.commandId);
    if (!resuming) {
      chartDecider.decide(add, state);
      if (expectedRevision !== undefined && expectedRevision !== revision) {
        throw new RevisionMismatchError(chartStream(chartId), expectedRevision, revision);
      }
    }
    await prepareContactLink(this.runner, envelope, practiceId, contact, chartId, chartNameOf(state));
    const result = await this.runner.run(chartDecider, chartStream(chartId), add, envelope);
    return { chartId, revision: result.revision, position: result.position, created: { contactId: contact.contactId } };
  }
}
