import { Body, Controller, Delete, Get, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { invitationNotFound } from '@practice/domain';
import {
  PRACTICE_INVITATIONS,
  type PracticeInvitationDocument,
} from '@practice/read-models';
import type { CommandEnvelope } from '../application/command-envelope';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { Ctx, type RequestContext } from '../http/request-context';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { InviteMemberRequestDto } from './practice-settings.request.dto';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { InvitationAnswerDto, InvitationsPageDto } from './practices.response.dto';

const invitationIdOf = (invitationId: string): string => {
  if (!isUuid(invitationId)) throw invitationNotFound();
  return invitationId;
};

/** Invitations in the order they were sent; the invitation id breaks ties. */
export const INVITATION_ORDER = { invitedAt: 1, _id: 1 } as const;
const practiceInvitationKeyset = new Keyset('practice-invitations', ['string', 'string']);

/** An invitation as a manager sees it: a pending one past its time reads as expired. */
export const invitationView = (doc: PracticeInvitationDocument, now: Date) => ({
  invitationId: doc.invitationId,
  practiceId: doc.practiceId,
  email: doc.email,
  role: doc.role,
  status: doc.status === 'pending' && Date.parse(doc.expiresAt) <= now.getTime() ? 'expired' : doc.status,
  invitedAt: doc.invitedAt,
  expiresAt: doc.expiresAt,
});

/** A practice's invitations, for its owners and admins. */
@ApiTags('invitations')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/invitations')
export class PracticeInvitationsController {
  constructor(
    private readonly sender: CommandSender,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @ApiCreated('Invite someone by email with a role', InvitationAnswerDto)
  @Post()
  @RequiresPermission('members:manage')
  invite(@Param('practiceId') practiceId: string, @Body() body: InviteMemberRequestDto, @Ctx() context: RequestContext) {
    const invite = (envelope: CommandEnvelope) => ({
      type: 'InviteMember' as const,
      invitationId: envelope.newId('invitationId'),
      email: body.email,
      role: body.role,
      actor: context.membership!,
      now: envelope.now,
    });
    return this.sender.changeWith(context, 'practice', practiceId, 'InviteMember', invite, ({ invitationId }) => ({ invitationId }));
  }

  @ApiRead('The invitations of the practice, in the order sent', InvitationsPageDto)
  @Get()
  @RequiresPermission('members:manage')
  async list(@Param('practiceId') practiceId: string, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [PRACTICE_INVITATIONS]);
    const collection = this.readStore.collection<PracticeInvitationDocument>(PRACTICE_INVITATIONS);
    const page = await findPage(collection, { practiceId }, INVITATION_ORDER, practiceInvitationKeyset, query);
    const now = new Date();
    return { items: page.items.map((doc) => invitationView(doc, now)), nextCursor: page.nextCursor };
  }

  @ApiChanged('Revoke an open invitation', InvitationAnswerDto)
  @Delete(':invitationId')
  @RequiresPermission('members:manage')
  revoke(@Param('practiceId') practiceId: string, @Param('invitationId') invitationId: string, @Ctx() context: RequestContext) {
    const command = { type: 'RevokeInvitation' as const, invitationId: invitationIdOf(invitationId) };
    return this.sender.change(context, 'practice', practiceId, command, { invitationId });
  }
}
