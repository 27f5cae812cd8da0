import { Module } from '@nestjs/common';
import { DocumentRequestsController } from './document-requests.controller';

/** Document requests of a chart; commands go through the ChartRecordCommand handler (core). */
@Module({ controllers: [DocumentRequestsController] })
export class DocumentRequestsModule {}
