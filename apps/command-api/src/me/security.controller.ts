import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { USER_PRACTICES, type UserPracticeDocument } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { commandAnswer } from '../http/command-answer';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { ConsistencyToken } from '../http/headers';
import { PageQueryDto } from '../http/keyset-page';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { myHistory } from './my-history';
import { SecurityService } from './security.service';
import { ChangePasswordRequestDto, DisableTwoFactorRequestDto, EnableTwoFactorRequestDto } from './security.request.dto';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { HistoryPageDto, PasswordChangedDto, TwoFactorEnabledDto, TwoFactorSetupDto, UserAnswerDto } from './me.response.dto';

/** The Security tab: password, 2-step authentication, and the account's history. */
@ApiTags('security')
@ApiBearerAuth()
@Controller('me')
export class SecurityController {
  constructor(
    private readonly sender: CommandSender,
    private readonly security: SecurityService,
    private readonly freshness: ReadModelFreshness,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  /** Tokens issued before stop working; the answer carries a fresh one for this session. */
  @ApiChanged('Change my password; older tokens stop working', PasswordChangedDto)
  @Post('password')
  @HttpCode(200)
  async changePassword(@Body() body: ChangePasswordRequestDto, @Ctx() context: RequestContext) {
    const envelope = this.sender.envelope(context, 'ChangePassword');
    const { result, accessToken } = await this.security.changePassword(envelope, body.currentPassword, body.newPassword);
    return commandAnswer(result, { accessToken });
  }

  /** A new secret, pending until a code from it is verified; 2-step sign-in is not required yet. */
  @ApiChanged('Start 2-step setup: a new TOTP secret, pending until enabled', TwoFactorSetupDto)
  @Post('two-factor/setup')
  @HttpCode(200)
  setup(@CurrentUser() user: AuthenticatedUser) {
    return this.security.setUpTwoFactor(user.userId);
  }

  /** The recovery codes are shown once, here; only their hashes are kept. */
  @ApiChanged('Turn 2-step on with a code from the new secret', TwoFactorEnabledDto)
  @Post('two-factor/enable')
  @HttpCode(200)
  async enable(@Body() body: EnableTwoFactorRequestDto, @Ctx() context: RequestContext) {
    const envelope = this.sender.envelope(context, 'EnableTwoFactor');
    const { result, recoveryCodes } = await this.security.enableTwoFactor(envelope, body.code);
    return commandAnswer(result, { recoveryCodes });
  }

  @ApiChanged('Turn 2-step off', UserAnswerDto)
  @Post('two-factor/disable')
  @HttpCode(200)
  async disable(@Body() body: DisableTwoFactorRequestDto, @Ctx() context: RequestContext) {
    const envelope = this.sender.envelope(context, 'DisableTwoFactor');
    const result = await this.security.disableTwoFactor(envelope, body);
    return commandAnswer(result, { userId: context.actorUserId! });
  }

  @ApiRead('My history, newest first', HistoryPageDto)
  @Get('history')
  async history(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [USER_PRACTICES]);
    const memberships = await this.readStore.collection<UserPracticeDocument>(USER_PRACTICES).find({ userId: user.userId });
    return myHistory(this.eventStore, user.userId, memberships.map((m) => m.practiceId), query);
  }
}
