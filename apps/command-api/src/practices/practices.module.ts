import { Module } from '@nestjs/common';
import { CreatePracticeHandler } from './create-practice.handler';
import { PracticesController } from './practices.controller';

@Module({ controllers: [PracticesController], providers: [CreatePracticeHandler] })
export class PracticesModule {}
