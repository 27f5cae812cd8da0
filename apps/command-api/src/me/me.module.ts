import { Module } from '@nestjs/common';
import { ChangeEmailHandler } from './change-email.handler';
import { MyPracticesController } from './my-practices.controller';
import { ProfileController } from './profile.controller';
import { SecurityController } from './security.controller';
import { SecurityService } from './security.service';

@Module({
  controllers: [ProfileController, MyPracticesController, SecurityController],
  providers: [ChangeEmailHandler, SecurityService],
})
export class MeModule {}
