import { Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DomainError, messageDecider } from '@practice/domain';
import { messageStream } from '@practice/events';
import { OUTBOX, type OutboxDocument } from '@practice/read-models';
import type { ReadStore } from '@practice/read-store';
import { CommandRunner } from '../application/command-runner';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ApiChanged, ApiRead } from '../http/api-answers';
import { commandAnswer } from '../http/command-answer';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { Ctx, type RequestContext } from '../http/request-context';
import { READ_STORE } from '../infrastructure/tokens';
import { MESSAGING, type MessagingHandle } from './messages.tokens';
import { MessageAnswerDto, OutboxPageDto } from './messages.response.dto';

const STATUSES = ['queued', 'sending', 'failed', 'sent', 'parked', 'cancelled'] as const;

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Only messages in this status (e.g. parked)' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}

const OUTBOX_ORDER = { queuedAt: 1, _id: 1 } as const;
const outboxKeyset = new Keyset('outbox', ['string', 'string']);
const messageNotFound = () => new DomainError('MessageNotFound', 'not_found', 'No such message in this practice');

const view = (doc: OutboxDocument) => ({
  messageId: doc._id,
  kind: doc.kind,
  to: doc.to,
  status: doc.status,
  attempts: doc.attempts,
  nextAttemptAt: doc.nextAttemptAt,
  lastError: doc.lastError,
  parkedWhy: doc.parkedWhy,
  queuedAt: doc.queuedAt,
  sentAt: doc.sentAt,
});

/** The practice's outbox, for its owners and admins: what was sent, what is parked, and a retry. */
@ApiTags('messages')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/messages')
export class MessagesController {
  constructor(
    private readonly sender: CommandSender,
    private readonly runner: CommandRunner,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(MESSAGING) private readonly messaging: MessagingHandle,
  ) {}

  @ApiRead('The messages of the practice, in the order queued (filter by status, e.g. parked)', OutboxPageDto)
  @Get()
  @RequiresPermission('messages:manage')
  async list(@Param('practiceId') practiceId: string, @Query() query: OutboxQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [OUTBOX]);
    const filter = { practiceId, ...(query.status ? { status: query.status } : {}) };
    const page = await findPage(this.readStore.collection<OutboxDocument>(OUTBOX), filter, OUTBOX_ORDER, outboxKeyset, query);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  @ApiChanged('Send a parked message again (its attempts start over)', MessageAnswerDto)
  @Post(':messageId/retry')
  @HttpCode(200)
  @RequiresPermission('messages:manage')
  async retry(@Param('practiceId') practiceId: string, @Param('messageId') messageId: string, @Ctx() context: RequestContext) {
    if (!isUuid(messageId)) throw messageNotFound();
    // The stream is the truth (the read model may lag): a message of another practice does not exist here.
    const loaded = await this.runner.load(messageDecider, messageStream(messageId));
    if (loaded.state.status === 'none' || loaded.state.practiceId !== practiceId) throw messageNotFound();
    const envelope = this.sender.envelope(context, 'RetryMessage');
    const result = await this.runner.run(messageDecider, messageStream(messageId), { type: 'RetryMessage', messageId, now: envelope.now }, envelope);
    this.messaging.wake();
    return commandAnswer(result, { messageId });
  }
}
