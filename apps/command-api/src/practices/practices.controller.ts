import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { commandEnvelope } from '../application/command-envelope';
import { deterministicUuid } from '../application/deterministic-id';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { answerCommand } from '../http/command-answer';
import { CorrelationId, IdempotencyKey, type Idempotency } from '../http/headers';
import { CreatePracticeCommand } from './create-practice.command';
import { CreatePracticeRequestDto } from './create-practice.request.dto';
import { randomUUID } from 'node:crypto';
import { ApiCreated } from '../http/api-answers';
import { PracticeAnswerDto } from './practices.response.dto';

@ApiTags('practices')
@ApiBearerAuth()
@Controller('practices')
export class PracticesController {
  constructor(private readonly commandBus: CommandBus) {}

  @ApiCreated('Create a practice; its creator is its owner', PracticeAnswerDto)
  @Post()
  async create(
    @Body() body: CreatePracticeRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @IdempotencyKey() idempotencyKey: Idempotency | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    // The practice id is the scope of the command's own metadata, so it is made before the envelope.
    const practiceId =
      idempotencyKey === undefined ? randomUUID() : deterministicUuid(`${user.userId}|CreatePractice|${idempotencyKey.key}|practiceId`);
    const envelope = commandEnvelope({
      commandType: 'CreatePractice',
      actorUserId: user.userId,
      practiceId,
      idempotencyKey,
      correlationId,
    });
    const result = await this.commandBus.execute(new CreatePracticeCommand(envelope, body.name));
    return answerCommand(response, result, { practiceId: result.practiceId });
  }
}
