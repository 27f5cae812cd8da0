import { Module } from '@nestjs/common';
import { OverdueTasksController } from './overdue-tasks.controller';
import { TasksController } from './tasks.controller';

/** Tasks on charts and the practice's overdue list; commands go through the ChartRecordCommand handler (core). */
@Module({ controllers: [TasksController, OverdueTasksController] })
export class TasksModule {}
