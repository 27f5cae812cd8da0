import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { practiceNotFound, type Membership } from '@practice/domain';
import { PracticeAccess } from '../application/practice-access';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { CurrentMembership, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
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
    private readonly sender: CommandSender,
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
  rename(@Param('practiceId') practiceId: string, @Body() body: RenamePracticeRequestDto, @Ctx() context: RequestContext) {
    return this.sender.change(context, 'practice', practiceId, { type: 'RenamePractice', name: body.name }, { practiceId });
  }

  @ApiChanged('Change the practice settings', PracticeAnswerDto)
  @Put('settings')
  @RequiresPermission('practice:manage')
  settings(@Param('practiceId') practiceId: string, @Body() body: PracticeSettingsRequestDto, @Ctx() context: RequestContext) {
    return this.sender.change(context, 'practice', practiceId, { type: 'ChangePracticeSettings', settings: { ...body } }, { practiceId });
  }

  @ApiChanged('Leave the practice (not the last owner)', PracticeAnswerDto)
  @Post('leave')
  @HttpCode(200)
  @RequiresPermission('practice:read')
  leave(@Param('practiceId') practiceId: string, @Ctx() context: RequestContext) {
    return this.sender.change(context, 'practice', practiceId, { type: 'LeavePractice', userId: context.actorUserId! }, { practiceId });
  }
}
