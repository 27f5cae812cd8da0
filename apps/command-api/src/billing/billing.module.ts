import { Module } from '@nestjs/common';
import { ServicesController } from './services.controller';

/** Billing: the service catalogue, clients' billing settings and insurance, charges, payments, balances. */
@Module({
  controllers: [ServicesController],
  providers: [],
})
export class BillingModule {}
