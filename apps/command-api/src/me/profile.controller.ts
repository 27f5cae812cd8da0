import { Body, Controller, Delete, Get, Inject, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { userNotFound } from '@practice/domain';
import { USER_PROFILES, type UserProfileDocument, USER_MENUS } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { ConsistencyToken } from '../http/headers';
import { READ_STORE } from '../infrastructure/tokens';
import { ChangeEmailCommand } from './change-email.handler';
import {
  ChangeEmailRequestDto,
  ChangeNameRequestDto,
  clinicalInfoOf,
  ClinicalInfoRequestDto,
  NotificationsRequestDto,
  TimeZoneRequestDto,
} from './profile.request.dto';
import { digestTimeZoneOf } from './time-zone';
import { selectedPracticeOf } from './selected-practice';
import type { GenericCommand } from '../application/stream-command';
import { PersonNameDto } from '../http/person-name.dto';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { ProfileDto, UserAnswerDto } from './me.response.dto';

/** The Profile screen: Profile Information, Clinical Info and Notifications tabs. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('me')
export class ProfileController {
  constructor(
    private readonly sender: CommandSender,
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
    const selectedPracticeId = await selectedPracticeOf(this.readStore, user.userId);
    return { ...profile, timeZone: profile.timeZone ?? null, selectedPracticeId, digestTimeZone: await digestTimeZoneOf(this.readStore, user.userId, profile.timeZone ?? null) };
  }

  @ApiChanged('Change my preferred name', UserAnswerDto)
  @Patch()
  changeName(@Body() body: ChangeNameRequestDto, @Ctx() context: RequestContext) {
    return this.change(context, { type: 'ChangeName', firstName: body.firstName, lastName: body.lastName });
  }

  @ApiChanged('Set my legal name', UserAnswerDto)
  @Put('legal-name')
  setLegalName(@Body() body: PersonNameDto, @Ctx() context: RequestContext) {
    return this.change(context, { type: 'SetLegalName', firstName: body.firstName, lastName: body.lastName });
  }

  @ApiChanged('Clear my legal name', UserAnswerDto)
  @Delete('legal-name')
  clearLegalName(@Ctx() context: RequestContext) {
    return this.change(context, { type: 'ClearLegalName' });
  }

  @ApiChanged('Change my login email', UserAnswerDto)
  @Put('email')
  changeEmail(@Body() body: ChangeEmailRequestDto, @Ctx() context: RequestContext) {
    const envelope = this.sender.envelope(context, 'ChangeEmail');
    return this.sender.send(new ChangeEmailCommand(envelope, body.email, context.ifMatch), () => ({ userId: context.actorUserId! }));
  }

  @ApiChanged('Replace my clinical info', UserAnswerDto)
  @Put('clinical-info')
  clinicalInfo(@Body() body: ClinicalInfoRequestDto, @Ctx() context: RequestContext) {
    return this.change(context, { type: 'UpdateClinicalInfo', clinicalInfo: clinicalInfoOf(body) });
  }

  @ApiChanged('Change my notification preferences', UserAnswerDto)
  @Put('notifications')
  notifications(@Body() body: NotificationsRequestDto, @Ctx() context: RequestContext) {
    return this.change(context, { type: 'ChangeNotificationPreferences', preferences: { ...body } });
  }

  @ApiChanged('Set my time zone (the daily digest comes at 07:00 there); null follows my practice', UserAnswerDto)
  @Put('time-zone')
  timeZone(@Body() body: TimeZoneRequestDto, @Ctx() context: RequestContext) {
    return this.change(context, { type: 'ChangeTimeZone', timeZone: body.timeZone });
  }

  /** The caller's own user stream. */
  private change(context: RequestContext, command: GenericCommand<'user'>) {
    const userId = context.actorUserId!;
    return this.sender.change(context, 'user', userId, command, { userId });
  }
}
