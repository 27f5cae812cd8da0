import { Module } from '@nestjs/common';
import { ReadModelsController } from './read-models.controller';
import { ReportsController } from './reports.controller';

/** The reporting surface: the published read models and the reports of a practice. */
@Module({ controllers: [ReadModelsController, ReportsController] })
export class ReportsModule {}
