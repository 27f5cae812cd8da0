import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, type CreateClient } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { CreateClientCommand, type ChartCommandResult } from './client.commands';

@CommandHandler(CreateClientCommand)
export class CreateClientHandler implements ICommandHandler<CreateClientCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, firstName, lastName, email }: CreateClientCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const chartId = envelope.newId('chartId');
    const create: CreateClient = { type: 'CreateClient', chartId, practiceId, firstName, lastName, email };
    // Decide once on an empty chart before claiming the email, so a refused client claims nothing.
    chartDecider.decide(create, chartDecider.initialState());
    if (email !== null) {
      // -1: this command creates the chart, at no revision; that is what the claim names.
      await this.reservations.reserve('client-email', practiceId, email, chartId, -1, envelope);
    }
    // The chart is named by this command's id: a command without an Idempotency-Key need not read it.
    const result = await this.runner.run(chartDecider, chartStream(chartId), create, envelope, { newStream: true });
    return { chartId, revision: result.revision, position: result.position };
  }
}
