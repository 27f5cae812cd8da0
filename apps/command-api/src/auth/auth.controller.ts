import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { commandEnvelope } from '../application/command-envelope';
import { Public } from '../http/auth.guard';
import { answerCommand } from '../http/command-answer';
import { CorrelationId, IdempotencyKey, type Idempotency } from '../http/headers';
import { SignInService } from './sign-in.service';
import { SignUpCommand } from './sign-up.command';
import { SignInWithSecondFactorRequestDto, SignUpRequestDto } from './sign-up.request.dto';
import { ApiCreated, ApiRead } from '../http/api-answers';
import { SignedInDto, SignedUpDto } from './auth.response.dto';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly signInService: SignInService,
  ) {}

  @ApiCreated('Sign up: a new user with a login email and password', SignedUpDto)
  @Post('sign-up')
  async signUp(
    @Body() body: SignUpRequestDto,
    @IdempotencyKey() idempotencyKey: Idempotency | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const envelope = commandEnvelope({ commandType: 'SignUp', actorUserId: null, practiceId: null, idempotencyKey, correlationId });
    const result = await this.commandBus.execute(
      new SignUpCommand(envelope, body.email, body.password, body.firstName, body.lastName),
    );
    return answerCommand(response, result, { userId: result.userId });
  }

  @ApiRead('Sign in: a bearer token (with otp or recoveryCode when 2-step is on)', SignedInDto, {
    description: 'Answers a bearer token for the email and password. With 2-step on, send otp or recoveryCode (401 TwoFactorRequired otherwise); repeated failures are slowed down, then locked (429 with Retry-After).',
  })
  @Post('sign-in')
  @HttpCode(200)
  signIn(@Body() body: SignInWithSecondFactorRequestDto) {
    return this.signInService.signIn(body);
  }
}
