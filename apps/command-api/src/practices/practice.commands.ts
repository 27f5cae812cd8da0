import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '../application/command-envelope';

export interface StreamCommandResult {
  readonly revision: number;
  readonly position: number;
}

/** The invitee's answer: the practice is found from the invitation, the email from the invitee's stream. */
export class AnswerInvitationCommand extends Command<StreamCommandResult & { practiceId: string }> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly invitationId: string,
    readonly answer: 'accept' | 'decline',
  ) {
    super();
  }
}
