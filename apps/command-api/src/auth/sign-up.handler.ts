import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userStream } from '@practice/events';
import { userDecider, assertEmailAddress } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { hashPassword } from '../infrastructure/password-hasher';
import type { CredentialStore } from '../infrastructure/credential-store';
import { CREDENTIAL_STORE } from '../infrastructure/tokens';
import { SignUpCommand, type SignUpResult } from './sign-up.command';

/** Login emails are unique across all users (scope id is empty: there is one global scope). */
export const LOGIN_SCOPE_ID = '';

@CommandHandler(SignUpCommand)
export class SignUpHandler implements ICommandHandler<SignUpCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
    @Inject(CREDENTIAL_STORE) private readonly credentials: CredentialStore,
  ) {}

  async execute(command: SignUpCommand): Promise<SignUpResult> {
    const { envelope } = command;
    const userId = envelope.newId('userId');
    const email = assertEmailAddress(command.email);
    // -1: this command creates the user stream, at no revision; that is what the claim names.
    await this.reservations.reserve('login-email', LOGIN_SCOPE_ID, email, userId, -1, envelope);
    // The hash is stored before the user exists: a crash in between leaves an unusable credential,
    // never a user who cannot sign in.
    if (!(await this.credentials.get(userId))) await this.credentials.put(userId, await hashPassword(command.password));
    const result = await this.runner.run(
      userDecider,
      userStream(userId),
      { type: 'SignUp', userId, email, firstName: command.firstName, lastName: command.lastName },
      envelope,
    );
    return { userId, revision: result.revision, position: result.position };
  }
}
