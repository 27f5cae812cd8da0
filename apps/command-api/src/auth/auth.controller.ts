import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../http/auth.guard';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
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
    private readonly sender: CommandSender,
    private readonly signInService: SignInService,
  ) {}

  @ApiCreated('Sign up: a new user with a login email and password', SignedUpDto)
  @Post('sign-up')
  signUp(@Body() body: SignUpRequestDto, @Ctx() context: RequestContext) {
    const envelope = this.sender.envelope(context, 'SignUp', { practiceId: null });
    return this.sender.send(new SignUpCommand(envelope, body.email, body.password, body.firstName, body.lastName), (result) => ({ userId: result.userId }));
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
