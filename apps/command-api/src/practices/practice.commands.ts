import { Command } from '@nestjs/cqrs';
import type { PracticeCommand } from '../../../../libs/domain/src/practice/practice.decider';
import type { CommandEnvelope } from '../application/command-envelope';

export interface StreamCommandResult {
  readonly revision: number;
  readonly position: number;
}

/** Any change to an existing practice: the domain command and the revision the caller saw (If-Match). */
export class ChangePracticeCommand extends Command<StreamCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly practiceId: string,
    readonly command: Exclude<PracticeCommand, { type: 'CreatePractice' | 'AcceptInvitation' | 'DeclineInvitation' }>,
    readonly expectedRevision?: number,
  ) {
    super();
  }
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
