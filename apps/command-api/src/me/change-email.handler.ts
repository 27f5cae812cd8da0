import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userStream } from '../../../../libs/events/src/streams';
import { userDecider, userNotFound } from '../../../../libs/domain/src/user/user.decider';
import { assertEmailAddress, normalizeEmail } from '../../../../libs/domain/src/shared/email-address';
import { reservationDecider } from '../../../../libs/domain/src/reservation/reservation.decider';
import type { CommandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations, emailReservationStream } from '../application/email-reservations';
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

/**
 * A login email is unique across all users: the new address is claimed first (EmailAlreadyRegistered
 * if someone holds it), then the user's email changes, then the old address is released.
 */
@CommandHandler(ChangeEmailCommand)
export class ChangeEmailHandler implements ICommandHandler<ChangeEmailCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, email }: ChangeEmailCommand): Promise<UserCommandResult> {
    const userId = envelope.actorUserId!;
    const { state } = await this.runner.load(userDecider, userStream(userId));
    if (state.status !== 'registered') throw userNotFound();
    const next = assertEmailAddress(email);
    const sameAddress = normalizeEmail(next) === normalizeEmail(state.email);
    if (!sameAddress) await this.reservations.reserve('login-email', LOGIN_SCOPE_ID, next, userId, userStream, envelope);
    const result = await this.runner.run(userDecider, userStream(userId), { type: 'ChangeEmail', email: next }, envelope);
    if (!sameAddress) {
      const released = emailReservationStream('login-email', LOGIN_SCOPE_ID, state.email);
      await this.runner.run(
        reservationDecider,
        released,
        { type: 'ReleaseEmail', reservationId: released, scope: 'login-email', ownerId: userId },
        envelope,
      );
    }
    return { revision: result.revision, position: result.position };
  }
}
