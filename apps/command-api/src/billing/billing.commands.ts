import { Command } from '@nestjs/cqrs';
import type { SetBillingSettings } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import type { ChartCommandResult } from '../clients/client.commands';

/** A chart's billing settings: the default service is checked against the practice's catalogue. */
export class SetBillingSettingsCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly settings: Pick<SetBillingSettings, 'payer' | 'defaultServiceId' | 'billTo' | 'billingContactId'>,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

/** Late cancellation or no-show of an appointment, charged with the practice's fee for it. */
export class CloseAppointmentCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly appointmentId: string,
    readonly outcome: 'late-cancel' | 'no-show',
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}
