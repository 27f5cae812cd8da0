import { Module } from '@nestjs/common';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { OverdueTasksController } from './overdue-tasks.controller';
import { TasksController } from './tasks.controller';

/** Tasks on charts and the practice's overdue list; commands go through the ChartRecordCommand handler (core). */
@Module({ controllers: [TasksController, OverdueTasksController], providers: [ChartRecordSender, ChartRecordReads] })
export class TasksModule {}
