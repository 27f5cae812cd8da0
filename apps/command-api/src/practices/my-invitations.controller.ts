import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { normalizeEmail, invitationNotFound } from '@practice/domain';
import { PRACTICE_INVITATIONS, type PracticeInvitationDocument, PRACTICE_PROFILES, type PracticeProfileDocument, USER_PROFILES, type UserProfileDocument } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { ConsistencyToken } from '../http/headers';
import { isUuid } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { INVITATION_ORDER, invitationView } from './invitations.controller';

const myInvitationKeyset = new Keyset('my-invitations', ['string', 'string']);
import { AnswerInvitationCommand } from './practice.commands';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { AnsweredInvitationDto, MyInvitationsPageDto } from './practices.response.dto';

/** The invitee's side: open invitations to my login email, and my answer to one. */
@ApiTags('invitations')
@ApiBearerAuth()
@Controller()
export class MyInvitationsController {
  constructor(
    private readonly sender: CommandSender,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @ApiRead('Open invitations to my login email, in the order sent', MyInvitationsPageDto)
  @Get('me/invitations')
  async mine(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [PRACTICE_INVITATIONS, USER_PROFILES, PRACTICE_PROFILES]);
    const profile = await this.readStore.collection<UserProfileDocument>(USER_PROFILES).get(user.userId);
    if (!profile) return { items: [], nextCursor: null };
    const now = new Date();
    // Expired ones are left out by the query itself, so a page is never thinned after it was read.
    const open = { emailKey: normalizeEmail(profile.email), status: 'pending', expiresAt: { $gt: now.toISOString() } };
    const collection = this.readStore.collection<PracticeInvitationDocument>(PRACTICE_INVITATIONS);
    const page = await findPage(collection, open, INVITATION_ORDER, myInvitationKeyset, query);
    const views = page.items.map((doc) => invitationView(doc, now));
    const practices = await this.readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).getMany(views.map((i) => i.practiceId));
    return { items: views.map((view) => ({ ...view, practiceName: practices.get(view.practiceId)?.name ?? null })), nextCursor: page.nextCursor };
  }

  @ApiChanged('Accept an invitation with my login', AnsweredInvitationDto)
  @Post('invitations/:invitationId/accept')
  @HttpCode(200)
  accept(@Param('invitationId') invitationId: string, @Ctx() context: RequestContext, @ConsistencyToken() token: number | undefined) {
    return this.answer(invitationId, 'accept', context, token);
  }

  @ApiChanged('Decline an invitation', AnsweredInvitationDto)
  @Post('invitations/:invitationId/decline')
  @HttpCode(200)
  decline(@Param('invitationId') invitationId: string, @Ctx() context: RequestContext, @ConsistencyToken() token: number | undefined) {
    return this.answer(invitationId, 'decline', context, token);
  }

  private async answer(invitationId: string, answer: 'accept' | 'decline', context: RequestContext, token: number | undefined) {
    if (!isUuid(invitationId)) throw invitationNotFound();
    await this.freshness.awaitPosition(token, [PRACTICE_INVITATIONS]);
    const envelope = this.sender.envelope(context, answer === 'accept' ? 'AcceptInvitation' : 'DeclineInvitation');
    return this.sender.send(new AnswerInvitationCommand(envelope, invitationId, answer), (result) => ({ invitationId, practiceId: result.practiceId }));
  }
}
