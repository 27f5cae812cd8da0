import { Module } from '@nestjs/common';
import { AnswerInvitationHandler } from './answer-invitation.handler';
import { CreatePracticeHandler } from './create-practice.handler';
import { PracticeInvitationsController } from './invitations.controller';
import { MembersController } from './members.controller';
import { MyInvitationsController } from './my-invitations.controller';
import { PracticeSettingsController } from './practice-settings.controller';
import { PracticesController } from './practices.controller';

@Module({
  controllers: [PracticesController, PracticeSettingsController, MembersController, PracticeInvitationsController, MyInvitationsController],
  providers: [CreatePracticeHandler, AnswerInvitationHandler],
})
export class PracticesModule {}
