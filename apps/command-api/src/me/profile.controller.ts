import { Body, Controller, Delete, Get, Inject, Patch, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { userNotFound } from '../../../../libs/domain/src/user/user.decider';
import { USER_PROFILES, type UserProfileDocument } from '../../../../libs/read-models/src/profiles/user-profile.projection';
import { USER_MENUS } from '../../../../libs/read-models/src/user-menus/user-menu.projection';
import { commandEnvelope } from '../application/command-envelope';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { answerCommand } from '../http/command-answer';
import { ConsistencyToken, CorrelationId, IfMatchRevision } from '../http/headers';
import { READ_STORE } from '../infrastructure/tokens';
import { ChangeEmailCommand } from './change-email.handler';
import {
  ChangeEmailRequestDto,
  ChangeNameRequestDto,
  clinicalInfoOf,
  ClinicalInfoRequestDto,
  NotificationsRequestDto,
} from './profile.request.dto';
import { selectedPracticeOf } from './selected-practice';
import { ChangeUserCommand } from './user.commands';
import { PersonNameDto } from '../http/person-name.dto';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { ProfileDto, UserAnswerDto } from './me.response.dto';

/** The Profile screen: Profile Information, Clinical Info and Notifications tabs. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('me')
export class ProfileController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @ApiRead('My profile', ProfileDto)
  @Get()
  async profile(@CurrentUser() user: AuthenticatedUser, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [USER_PROFILES, USER_MENUS]);
    const doc = await this.readStore.collection<UserProfileDocument>(USER_PROFILES).get(user.userId);
    if (!doc) throw userNotFound();
    // The user stream alone does not know the practice joined first or a removal: the menu does.
    const { _id, _position, selectedPracticeId: _fromUserStream, ...profile } = doc;
    return { ...profile, selectedPracticeId: await selectedPracticeOf(this.readStore, user.userId) };
  }

  @ApiChanged('Change my preferred name', UserAnswerDto)
  @Patch()
  changeName(@Body() body: ChangeNameRequestDto, @CurrentUser() user: AuthenticatedUser, @IfMatchRevision() ifMatch: number | undefined, @CorrelationId() correlationId: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.change(response, user, correlationId, { type: 'ChangeName', firstName: body.firstName, lastName: body.lastName }, ifMatch);
  }

  @ApiChanged('Set my legal name', UserAnswerDto)
  @Put('legal-name')
  setLegalName(@Body() body: PersonNameDto, @CurrentUser() user: AuthenticatedUser, @CorrelationId() correlationId: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.change(response, user, correlationId, { type: 'SetLegalName', firstName: body.firstName, lastName: body.lastName });
  }

  @ApiChanged('Clear my legal name', UserAnswerDto)
  @Delete('legal-name')
  clearLegalName(@CurrentUser() user: AuthenticatedUser, @CorrelationId() correlationId: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.change(response, user, correlationId, { type: 'ClearLegalName' });
  }

  @ApiChanged('Change my login email', UserAnswerDto)
  @Put('email')
  async changeEmail(@Body() body: ChangeEmailRequestDto, @CurrentUser() user: AuthenticatedUser, @CorrelationId() correlationId: string | undefined, @Res({ passthrough: true }) response: Response) {
    const envelope = commandEnvelope({ commandType: 'ChangeEmail', actorUserId: user.userId, practiceId: null, correlationId });
    const result = await this.commandBus.execute(new ChangeEmailCommand(envelope, body.email));
    return answerCommand(response, result, { userId: user.userId });
  }

  @ApiChanged('Replace my clinical info', UserAnswerDto)
  @Put('clinical-info')
  clinicalInfo(@Body() body: ClinicalInfoRequestDto, @CurrentUser() user: AuthenticatedUser, @CorrelationId() correlationId: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.change(response, user, correlationId, { type: 'UpdateClinicalInfo', clinicalInfo: clinicalInfoOf(body) });
  }

  @ApiChanged('Change my notification preferences', UserAnswerDto)
  @Put('notifications')
  notifications(@Body() body: NotificationsRequestDto, @CurrentUser() user: AuthenticatedUser, @CorrelationId() correlationId: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.change(response, user, correlationId, { type: 'ChangeNotificationPreferences', preferences: { ...body } });
  }

  private async change(response: Response, user: AuthenticatedUser, correlationId: string | undefined, command: ChangeUserCommand['command'], ifMatch?: number) {
    const envelope = commandEnvelope({ commandType: command.type, actorUserId: user.userId, practiceId: null, correlationId });
    const result = await this.commandBus.execute(new ChangeUserCommand(envelope, user.userId, command, ifMatch));
    return answerCommand(response, result, { userId: user.userId });
  }
}
