import { Module } from '@nestjs/common';
import { ChartCommandSender } from '../chart-commands/chart-command-sender';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { ServicesController } from './services.controller';
import { ClientBillingController } from './client-billing.controller';
import { AppointmentOutcomesController } from './appointment-outcomes.controller';
import { SetBillingSettingsHandler } from './set-billing-settings.handler';
import { CloseAppointmentHandler } from './close-appointment.handler';
import { PaymentsController } from './payments.controller';
import { LedgerReadsController } from './ledger-reads.controller';

/** Billing: the service catalogue, clients' billing settings and insurance, charges, payments, balances. */
@Module({
  controllers: [ServicesController, ClientBillingController, AppointmentOutcomesController, PaymentsController, LedgerReadsController],
  providers: [ChartCommandSender, SetBillingSettingsHandler, CloseAppointmentHandler, ChartRecordSender],
})
export class BillingModule {}
