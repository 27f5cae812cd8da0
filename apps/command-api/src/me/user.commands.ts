import { Command } from '@nestjs/cqrs';
import type { UserCommand } from '../../../../libs/domain/src/user/user.decider';
import type { CommandEnvelope } from '../application/command-envelope';

export interface UserCommandResult {
  readonly revision: number;
  readonly position: number;
}

/**
 * Any change to an existing user. `userId` is whose stream changes: the caller's own, or (clinical info
 * from the members screen) another member's, with the caller as the envelope's actor.
 */
export class ChangeUserCommand extends Command<UserCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly userId: string,
    readonly command: Exclude<UserCommand, { type: 'SignUp' }>,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
