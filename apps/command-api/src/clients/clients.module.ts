import { Module } from '@nestjs/common';
import { PracticeReadsController } from '../charts/practice-reads.controller';
import { ChangeChartHandler, CreateClientHandler } from './client.handlers';
import { ClientsController } from './clients.controller';

@Module({
  controllers: [ClientsController, PracticeReadsController],
  providers: [CreateClientHandler, ChangeChartHandler],
})
export class ClientsModule {}
