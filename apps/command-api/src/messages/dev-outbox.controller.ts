import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRead } from '../http/api-answers';
import { problem, ProblemException } from '../http/problem';
import { MESSAGING, type MessagingHandle } from './messages.tokens';
import { DevOutboxDto } from './messages.response.dto';

const notHere = () => new ProblemException(problem('NotFound', 'The development outbox exists only when SMTP_URL is unset'));

/**
 * Development only: the .eml files the embedded transport wrote (SMTP_URL unset). Any signed-in user may
 * list them; with SMTP_URL set the route answers 404.
 */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('dev/outbox')
export class DevOutboxController {
  constructor(@Inject(MESSAGING) private readonly messaging: MessagingHandle) {}

  @ApiRead('The .eml files under DATA_DIR/outbox, newest first (only when SMTP_URL is unset)', DevOutboxDto)
  @Get()
  list() {
    const files = this.messaging.emlFiles;
    if (files === undefined) throw notHere();
    return { dir: files.dir, items: files.list() };
  }
}
