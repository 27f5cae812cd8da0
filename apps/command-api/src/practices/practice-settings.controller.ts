import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { practiceNotFound } from '../../../../libs/domain/src/practice/practice.decider';
import { commandEnvelope } from '../application/command-envelope';
import { PracticeAccess } from '../application/practice-access';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { answerCommand } from '../http/command-answer';
import { CorrelationId, IfMatchRevision } from '../http/headers';
import { CurrentMembership, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import type { Membership } from '../../../../libs/domain/src/practice/practice.decider';
import { ChangePracticeCommand } from './practice.commands';
import { PracticeSettingsRequestDto, RenamePracticeRequestDto } from './practice-settings.request.dto';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { PracticeAnswerDto, PracticeDto } from './practices.response.dto';

/** A practice's name and settings, and leaving it. */
@ApiTags('practices')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class PracticeSettingsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: PracticeAccess,
  ) {}

  @ApiRead('The practice: name, settings and the caller\'s role', PracticeDto)
  @Get()
  @RequiresPermission('practice:read')
  async practice(@Param('practiceId') practiceId: string, @CurrentMembership() membership: Membership) {
    const state = await this.access.practice(practiceId);
    if (state.status !== 'active') throw practiceNotFound();
    return { practiceId, name: state.name, settings: state.settings, role: membership.role };
  }

  @ApiChanged('Rename the practice', PracticeAnswerDto)
  @Patch()
  @RequiresPermission('practice:manage')
  rename(
    @Param('practiceId') practiceId: string,
    @Body() body: RenamePracticeRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @IfMatchRevision() ifMatch: number | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.change(response, user, practiceId, correlationId, { type: 'RenamePractice', name: body.name }, ifMatch);
  }

  @ApiChanged('Change the practice settings', PracticeAnswerDto)
  @Put('settings')
  @RequiresPermission('practice:manage')
  settings(
    @Param('practiceId') practiceId: string,
    @Body() body: PracticeSettingsRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @IfMatchRevision() ifMatch: number | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.change(response, user, practiceId, correlationId, { type: 'ChangePracticeSettings', settings: { ...body } }, ifMatch);
  }

  @ApiChanged('Leave the practice (not the last owner)', PracticeAnswerDto)
  @Post('leave')
  @HttpCode(200)
  @RequiresPermission('practice:read')
  leave(
    @Param('practiceId') practiceId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.change(response, user, practiceId, correlationId, { type: 'LeavePractice', userId: user.userId });
  }

  private async change(
    response: Response,
    user: AuthenticatedUser,
    practiceId: string,
    correlationId: string | undefined,
    command: ChangePracticeCommand['command'],
    expectedRevision?: number,
  ) {
    const envelope = commandEnvelope({ commandType: command.type, actorUserId: user.userId, practiceId, correlationId });
    const result = await this.commandBus.execute(new ChangePracticeCommand(envelope, practiceId, command, expectedRevision));
    return answerCommand(response, result, { practiceId });
  }
}
