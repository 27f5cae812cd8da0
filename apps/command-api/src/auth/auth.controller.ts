import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../http/auth.guard';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { SignInService } from './sign-in.service';
import { SignUpCommand } from './sign-up.command';
import { SignInWithSecondFactorRequestDto, SignUpRequestDto } from './sign-up.request.dto';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sender: CommandSender,
    private readonly signInService: SignInService,
  ) {}

  @Post('sign-up')
  signUp(@Body() body: SignUpRequestDto, @Ctx() context: RequestContext) {
    const envelope = this.sender.envelope(context, 'SignUp', { practiceId: null });
    return this.sender.send(new SignUpCommand(envelope, body.email, body.password, body.firstName, body.lastName), (result) => ({ userId: result.userId }));
  }

  @Post('sign-in')
  @HttpCode(200)
  signIn(@Body() body: SignInWithSecondFactorRequestDto) {
    return this.signInService.signIn(body);
  }
}
