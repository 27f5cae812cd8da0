import { Module } from '@nestjs/common';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { DocumentRequestsController } from './document-requests.controller';

/** Document requests of a chart; commands go through the ChartRecordCommand handler (core). */
@Module({ controllers: [DocumentRequestsController], providers: [ChartRecordSender] })
export class DocumentRequestsModule {}
