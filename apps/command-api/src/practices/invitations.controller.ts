import { Body, Controller, Delete, Get, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { invitationNotFound } from '../../../../libs/domain/src/practice/invitation.rules';
import {
  PRACTICE_INVITATIONS,
  type PracticeInvitationDocument,
} from '../../../../libs/read-models/src/practice-members/practice-invitation.projection';
import { commandEnvelope } from '../application/command-envelope';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { answerCommand } from '../http/command-answer';
import { ConsistencyToken, CorrelationId, IdempotencyKey, type Idempotency } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { CurrentMembership, isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import type { Membership } from '../../../../libs/domain/src/practice/practice.decider';
import { ChangePracticeCommand } from './practice.commands';
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
    private readonly commandBus: CommandBus,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @ApiCreated('Invite someone by email with a role', InvitationAnswerDto)
  @Post()
  @RequiresPermission('members:manage')
  async invite(
    @Param('practiceId') practiceId: string,
    @Body() body: InviteMemberRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentMembership() membership: Membership,
    @IdempotencyKey() idempotencyKey: Idempotency | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const envelope = commandEnvelope({ commandType: 'InviteMember', actorUserId: user.userId, practiceId, idempotencyKey, correlationId });
    const invitationId = envelope.newId('invitationId');
    const command = { type: 'InviteMember' as const, invitationId, email: body.email, role: body.role, actor: membership, now: envelope.now };
    const result = await this.commandBus.execute(new ChangePracticeCommand(envelope, practiceId, command));
    response.status(201);
    return answerCommand(response, result, { invitationId });
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
  async revoke(
    @Param('practiceId') practiceId: string,
    @Param('invitationId') invitationId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const envelope = commandEnvelope({ commandType: 'RevokeInvitation', actorUserId: user.userId, practiceId, correlationId });
    const command = { type: 'RevokeInvitation' as const, invitationId: invitationIdOf(invitationId) };
    const result = await this.commandBus.execute(new ChangePracticeCommand(envelope, practiceId, command));
    return answerCommand(response, result, { invitationId });
  }
}
