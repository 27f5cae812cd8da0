import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, practiceNotFound } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { PracticeAccess } from '../application/practice-access';
import type { ChartCommandResult } from '../clients/client.commands';
import { CloseAppointmentCommand } from './billing.commands';

const NO_FEE = { amount: 0, currency: 'USD' };

/** Late-cancels or marks a no-show, with the fee the practice's settings name for it (none: no charge). */
@CommandHandler(CloseAppointmentCommand)
export class CloseAppointmentHandler implements ICommandHandler<CloseAppointmentCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: PracticeAccess,
  ) {}

  async execute({ envelope, chartId, appointmentId, outcome, expectedRevision }: CloseAppointmentCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const practice = await this.access.practice(practiceId);
    if (practice.status !== 'active') throw practiceNotFound();
    const { settings } = practice;
    const command =
      outcome === 'late-cancel'
        ? { type: 'LateCancelAppointment' as const, chartId, practiceId, appointmentId, fee: settings.lateCancelFee ?? NO_FEE }
        : { type: 'MarkAppointmentNoShow' as const, chartId, practiceId, appointmentId, fee: settings.noShowFee ?? NO_FEE, now: envelope.now };
    const result = await this.runner.run(chartDecider, chartStream(chartId), command, envelope, { expectedRevision });
    return { chartId, revision: result.revision, position: result.position };
  }
}
