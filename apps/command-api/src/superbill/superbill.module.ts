import { Module } from '@nestjs/common';
import { ChartCommandSender } from '../chart-commands/chart-command-sender';
import { DiagnosisCodesController } from '../chart-commands/diagnosis-codes.controller';
import { SuperbillController } from './superbill.controller';

/** Diagnosis codes of a chart and the superbill that prints them (issue 11, item 6). */
@Module({
  controllers: [DiagnosisCodesController, SuperbillController],
  providers: [ChartCommandSender],
})
export class SuperbillModule {}
