import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { chartDecider, DomainError } from '@practice/domain';
import { chartStream } from '@practice/events';
import { CHARTS, PRACTICE_INVITATIONS, PRACTICE_PROFILES, type ChartDocument, type PracticeInvitationDocument, type PracticeProfileDocument } from '@practice/read-models';
import type { ReadStore } from '@practice/read-store';
import { commandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { ConsistencyToken } from '../http/headers';
import { Public } from '../http/auth.guard';
import { commandAnswer } from '../http/command-answer';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { READ_STORE } from '../infrastructure/tokens';
import { AnswerInvitationCommand } from '../practices/practice.commands';
import { AnsweredInvitationDto } from '../practices/practices.response.dto';
import type { LinkClaims } from './message-links';
import { MESSAGING, type MessagingHandle } from './messages.tokens';
import { InvitationLinkDto, PortalInvitationAcceptedDto, PortalInvitationLinkDto } from './messages.response.dto';

export class LinkTokenQueryDto {
  @ApiProperty({ description: 'The token of the emailed link' }) @IsString() @MinLength(1) @MaxLength(2000) token: string;
}

export class LinkTokenRequestDto {
  @ApiProperty({ description: 'The token of the emailed link' }) @IsString() @MinLength(1) @MaxLength(2000) token: string;
}

const linkNotValid = () => new DomainError('LinkNotValid', 'not_found', 'This link is not valid: it is forged, expired or already used');

/**
 * The targets of emailed links. A link is signed and expires; it is single-use because it is honoured
 * only while what it names is still open (a pending invitation; a portal invitation not accepted and
 * not replaced by a newer one).
 */
@ApiTags('invitations')
@Controller()
export class MessageLinksController {
  constructor(
    private readonly sender: CommandSender,
    private readonly runner: CommandRunner,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(MESSAGING) private readonly messaging: MessagingHandle,
  ) {}

  private async openInvitation(token: string): Promise<PracticeInvitationDocument> {
    const claims = this.messaging.links.verify(token);
    if (claims?.kind !== 'practice-invitation') throw linkNotValid();
    const invitation = await this.readStore.collection<PracticeInvitationDocument>(PRACTICE_INVITATIONS).get(claims.invitationId);
    const open = invitation !== null && invitation.practiceId === claims.practiceId && invitation.status === 'pending' && Date.parse(invitation.expiresAt) > Date.now();
    if (!open) throw linkNotValid();
    return invitation;
  }

  private async practiceName(practiceId: string): Promise<string | null> {
    return (await this.readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).get(practiceId))?.name ?? null;
  }

  @Public()
  @ApiRead('What a practice invitation link stands for (no sign-in needed to look)', InvitationLinkDto)
  @Get('invitation-link')
  async invitation(@Query() query: LinkTokenQueryDto, @ConsistencyToken() position: number | undefined) {
    await this.freshness.awaitPosition(position, [PRACTICE_INVITATIONS]);
    const invitation = await this.openInvitation(query.token);
    return {
      invitationId: invitation.invitationId,
      practiceId: invitation.practiceId,
      practiceName: await this.practiceName(invitation.practiceId),
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      acceptPath: `/invitations/${invitation.invitationId}/accept`,
    };
  }

  @ApiBearerAuth()
  @ApiChanged('Accept the invitation of an emailed link, signed in with the invited email', AnsweredInvitationDto)
  @Post('invitation-link/accept')
  @HttpCode(200)
  async acceptInvitation(@Body() body: LinkTokenRequestDto, @Ctx() context: RequestContext, @ConsistencyToken() position: number | undefined) {
    await this.freshness.awaitPosition(position, [PRACTICE_INVITATIONS]);
    const invitation = await this.openInvitation(body.token);
    const envelope = this.sender.envelope(context, 'AcceptInvitation');
    return this.sender.send(new AnswerInvitationCommand(envelope, invitation.invitationId, 'accept'), (result) => ({ invitationId: invitation.invitationId, practiceId: result.practiceId }));
  }

  private async openPortalInvitation(token: string): Promise<{ chart: ChartDocument; claims: Extract<LinkClaims, { kind: 'portal-invitation' }> }> {
    const claims = this.messaging.links.verify(token);
    if (claims?.kind !== 'portal-invitation') throw linkNotValid();
    const chart = await this.readStore.collection<ChartDocument>(CHARTS).get(claims.chartId);
    const open = chart !== null && chart.practiceId === claims.practiceId && chart.portal.invitation === 'invited' && chart.portal.lastInvitedAt === claims.sentAt;
    if (!open) throw linkNotValid();
    return { chart, claims };
  }

  @Public()
  @ApiRead('What a Client Portal invitation link stands for', PortalInvitationLinkDto)
  @Get('portal/invitation-link')
  async portalInvitation(@Query() query: LinkTokenQueryDto, @ConsistencyToken() position: number | undefined) {
    await this.freshness.awaitPosition(position, [CHARTS]);
    const { chart, claims } = await this.openPortalInvitation(query.token);
    return { chartId: chart._id, practiceId: chart.practiceId, practiceName: await this.practiceName(chart.practiceId), invitedAt: claims.sentAt };
  }

  @Public()
  @ApiChanged('Accept a Client Portal invitation with its emailed link (the portal itself comes later)', PortalInvitationAcceptedDto)
  @Post('portal/invitation-link/accept')
  @HttpCode(200)
  async acceptPortalInvitation(@Body() body: LinkTokenRequestDto, @ConsistencyToken() position: number | undefined) {
    await this.freshness.awaitPosition(position, [CHARTS]);
    const { chart } = await this.openPortalInvitation(body.token);
    const envelope = commandEnvelope({ commandType: 'AcceptPortalInvitation', actorUserId: null, practiceId: chart.practiceId });
    const command = { type: 'AcceptPortalInvitation' as const, chartId: chart._id, practiceId: chart.practiceId, now: envelope.now };
    const result = await this.runner.run(chartDecider, chartStream(chart._id), command, envelope);
    return commandAnswer(result, { chartId: chart._id });
  }
}
