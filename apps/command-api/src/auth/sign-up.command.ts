import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '../application/command-envelope';

export interface SignUpResult {
  readonly userId: string;
  readonly revision: number;
  readonly position: number;
}

export class SignUpCommand extends Command<SignUpResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly email: string,
    readonly password: string,
    readonly firstName: string,
    readonly lastName: string,
  ) {
    super();
  }
}
