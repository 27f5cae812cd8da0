import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userStream, type UserEvent } from '@practice/events';
import { WrongExpectedRevisionError } from '@practice/event-store';
import { userDecider, userNotFound, type UserState, assertEmailAddress, normalizeEmail } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import { CommandRunner, foldRecorded, RevisionMismatchError, type CommandResult } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
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

const MAX_ATTEMPTS = 5;

/**
 * A login email is unique across all users: the new address is claimed first (EmailAlreadyRegistered
 * if someone holds it), naming the user stream's revision read; the user's email changes at exactly
 * that revision (a concurrent change of the user makes it read, claim and write again); then the old
 * address is released. A change that gives up releases its claim; one that dies leaves a claim the
 * next claimant sees to be stale and takes over (see the reservation decider).
 */
@CommandHandler(ChangeEmailCommand)
export class ChangeEmailHandler implements ICommandHandler<ChangeEmailCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, email, expectedRevision }: ChangeEmailCommand): Promise<UserCommandResult> {
    const userId = envelope.actorUserId!;
    const stream = userStream(userId);
    const next = assertEmailAddress(email);
    let claimed = false;
    for (let attempt = 1; ; attempt += 1) {
      const { state, revision, events } = await this.runner.load(userDecider, stream);
      if (state.status !== 'registered') throw userNotFound();
      const own = events.findIndex((event) => event.metadata.causationId === envelope.commandId);
      // The email before this command, also when a retry resumes it after the user was changed.
      const earlier = own < 0 ? state : foldRecorded<UserState, UserEvent>(userDecider, events.slice(0, own));
      const previous = earlier.status === 'registered' ? earlier.email : null;
      const moves = previous === null || normalizeEmail(next) !== normalizeEmail(previous);
      let result: CommandResult<UserState, UserEvent>;
      try {
        // If-Match names the revision the caller saw: a stale one is refused before anything is claimed.
        if (own < 0 && expectedRevision !== undefined && expectedRevision !== revision) throw new RevisionMismatchError(stream, expectedRevision, revision);
        if (moves && own < 0) {
          await this.reservations.reserve('login-email', LOGIN_SCOPE_ID, next, userId, revision, envelope);
          claimed = true;
        }
        result = await this.runner.run(userDecider, stream, { type: 'ChangeEmail', email: next }, envelope, { expectedRevision: revision });
      } catch (error) {
        // Only a race this command lost is retried; a stale If-Match is the caller's to resolve (412).
        const lostRace = error instanceof RevisionMismatchError && expectedRevision === undefined;
        if (lostRace && attempt < MAX_ATTEMPTS) continue;
        if (claimed) await this.reservations.releaseQuietly('login-email', LOGIN_SCOPE_ID, next, userId, envelope);
        throw lostRace ? new WrongExpectedRevisionError(stream, revision, error.actual) : error;
      }
      if (moves && previous !== null) await this.reservations.release('login-email', LOGIN_SCOPE_ID, previous, userId, envelope);
      return { revision: result.revision, position: result.position };
    }
  }
}
