import { Module } from '@nestjs/common';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { NotesAwaitingSignatureController } from './notes-awaiting-signature.controller';
import { NotesController } from './notes.controller';

/** Clinical notes of charts (the Notes tab) and the practice's notes awaiting signature; commands go through the ChartRecordCommand handler (core). */
@Module({
  controllers: [NotesController, NotesAwaitingSignatureController],
  providers: [ChartRecordSender, ChartRecordReads],
})
export class NotesModule {}
