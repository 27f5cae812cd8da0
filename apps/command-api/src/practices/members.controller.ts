import { Body, Controller, Delete, Get, Inject, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { memberNotFound, hasPermission, type Membership } from '@practice/domain';
import { PRACTICE_MEMBERS, type PracticeMemberDocument, USER_PROFILES, type UserProfileDocument } from '@practice/read-models';
import { PracticeAccess } from '../application/practice-access';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { Ctx, type RequestContext } from '../http/request-context';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { CurrentMembership, isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { clinicalInfoOf, ClinicalInfoRequestDto } from '../me/profile.request.dto';
import { ChangeRoleRequestDto } from './practice-settings.request.dto';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { MembersPageDto, PracticeAnswerDto } from './practices.response.dto';
import { UserAnswerDto } from '../me/me.response.dto';

// In the order they joined; the member document id (practice and user) breaks ties.
const MEMBER_ORDER = { joinedAt: 1, _id: 1 } as const;
const memberKeyset = new Keyset('members', ['string', 'string']);

const memberIdOf = (userId: string): string => {
  if (!isUuid(userId)) throw memberNotFound();
  return userId;
};

/** Account Settings > Members: the list, roles, removal, and another member's clinical info. */
@ApiTags('members')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/members')
export class MembersController {
  constructor(
    private readonly sender: CommandSender,
    private readonly access: PracticeAccess,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @ApiRead('The members of the practice with their roles, in the order they joined', MembersPageDto)
  @Get()
  @RequiresPermission('members:read')
  async list(
    @Param('practiceId') practiceId: string,
    @Query() query: PageQueryDto,
    @CurrentMembership() membership: Membership,
    @ConsistencyToken() token: number | undefined,
  ) {
    await this.freshness.awaitPosition(token, [PRACTICE_MEMBERS, USER_PROFILES]);
    const page = await findPage(this.readStore.collection<PracticeMemberDocument>(PRACTICE_MEMBERS), { practiceId }, MEMBER_ORDER, memberKeyset, query);
    const members = page.items;
    const profiles = await this.readStore.collection<UserProfileDocument>(USER_PROFILES).getMany(members.map((m) => m.userId));
    const withClinicalInfo = hasPermission(membership.role, 'members:clinical-info:read');
    return {
      items: members.map((member) => {
        const profile = profiles.get(member.userId);
        return {
          userId: member.userId,
          role: member.role,
          joinedAt: member.joinedAt,
          firstName: profile?.firstName ?? null,
          lastName: profile?.lastName ?? null,
          email: profile?.email ?? null,
          ...(withClinicalInfo ? { legalName: profile?.legalName ?? null, clinicalInfo: profile?.clinicalInfo ?? null } : {}),
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** If-Match is the practice's revision (the ETag of the practice's answers). */
  @ApiChanged('Change the role of a member', PracticeAnswerDto)
  @Put(':userId/role')
  @RequiresPermission('members:manage')
  changeRole(@Param('practiceId') practiceId: string, @Param('userId') userId: string, @Body() body: ChangeRoleRequestDto, @Ctx() context: RequestContext) {
    const command = { type: 'ChangeMemberRole' as const, userId: memberIdOf(userId), role: body.role, actor: context.membership! };
    return this.sender.change(context, 'practice', practiceId, command, { practiceId });
  }

  @ApiChanged('Remove a member from the practice', PracticeAnswerDto)
  @Delete(':userId')
  @RequiresPermission('members:manage')
  remove(@Param('practiceId') practiceId: string, @Param('userId') userId: string, @Ctx() context: RequestContext) {
    return this.sender.change(context, 'practice', practiceId, { type: 'RemoveMember', userId: memberIdOf(userId), actor: context.membership! }, { practiceId });
  }

  /** Written to the member's own stream; the event's metadata names the owner or admin who did it. */
  @ApiChanged('Edit the clinical info of another member', UserAnswerDto)
  @Put(':userId/clinical-info')
  @RequiresPermission('members:clinical-info:write')
  async clinicalInfo(@Param('practiceId') practiceId: string, @Param('userId') userId: string, @Body() body: ClinicalInfoRequestDto, @Ctx() context: RequestContext) {
    const memberId = memberIdOf(userId);
    if (!(await this.access.isMember(practiceId, memberId))) throw memberNotFound();
    return this.sender.change(context, 'user', memberId, { type: 'UpdateClinicalInfo', clinicalInfo: clinicalInfoOf(body) }, { userId: memberId });
  }
}
