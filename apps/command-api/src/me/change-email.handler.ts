import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userStream } from '@practice/events';
import { userDecider, userNotFound, type UserState, assertEmailAddress } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { runEmailChange } from '../application/email-change';
import { LOGIN_SCOPE_ID } from '../auth/sign-up.handler';
import type { UserCommandResult } from './user.commands';

export class ChangeEmailCommand extends Command<UserCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly email: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}

/** A login email is unique across all users: the login-email claim moves with it (runEmailChange: claim, user, release). */
@CommandHandler(ChangeEmailCommand)
export class ChangeEmailHandler implements ICommandHandler<ChangeEmailCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, email, expectedRevision }: ChangeEmailCommand): Promise<UserCommandResult> {
    const userId = envelope.actorUserId!;
    const next = assertEmailAddress(email);
    const emails = (before: UserState) => {
      if (before.status !== 'registered') throw userNotFound();
      return { before: before.email, after: next };
    };
    const change = { decider: userDecider, streamId: userStream(userId), command: { type: 'ChangeEmail' as const, email: next }, scope: 'login-email' as const, scopeId: LOGIN_SCOPE_ID, ownerId: userId, emails, expectedRevision };
    const result = await runEmailChange(this.runner, this.reservations, change, envelope);
    return { revision: result.revision, position: result.position };
  }
}
