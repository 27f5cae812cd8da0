import { Module } from '@nestjs/common';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { DocumentRequestsController } from './document-requests.controller';

/** Document requests of a chart; commands go through the ChartRecordCommand handler (core). */
@Module({ controllers: [DocumentRequestsController], providers: [ChartRecordSender, ChartRecordReads] })
export class DocumentRequestsModule {}
