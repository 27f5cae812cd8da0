import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { SignInService } from './sign-in.service';
import { SignUpHandler } from './sign-up.handler';

@Module({ controllers: [AuthController], providers: [SignInService, SignUpHandler] })
export class AuthModule {}
