import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { deterministicUuid } from '../application/deterministic-id';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { CreatePracticeCommand } from './create-practice.command';
import { CreatePracticeRequestDto } from './create-practice.request.dto';
import { randomUUID } from 'node:crypto';
import { ApiCreated } from '../http/api-answers';
import { PracticeAnswerDto } from './practices.response.dto';

@ApiTags('practices')
@ApiBearerAuth()
@Controller('practices')
export class PracticesController {
  constructor(private readonly sender: CommandSender) {}

  @ApiCreated('Create a practice; its creator is its owner', PracticeAnswerDto)
  @Post()
  create(@Body() body: CreatePracticeRequestDto, @Ctx() context: RequestContext) {
    const { actorUserId, idempotencyKey } = context;
    // The practice id is the scope of the command's own metadata, so it is made before the envelope.
    const practiceId =
      idempotencyKey === undefined ? randomUUID() : deterministicUuid(`${actorUserId}|CreatePractice|${idempotencyKey.key}|practiceId`);
    const envelope = this.sender.envelope(context, 'CreatePractice', { practiceId });
    return this.sender.send(
      new CreatePracticeCommand(envelope, body.name),
      (result) => ({ practiceId: result.practiceId }),
      (result) => `/practices/${result.practiceId}`,
    );
  }
}
