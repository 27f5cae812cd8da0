import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { practiceStream, userStream } from '../../../../libs/events/src/streams';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { practiceDecider } from '../../../../libs/domain/src/practice/practice.decider';
import { invitationNotFound } from '../../../../libs/domain/src/practice/invitation.rules';
import { userDecider, userNotFound } from '../../../../libs/domain/src/user/user.decider';
import {
  PRACTICE_INVITATIONS,
  type PracticeInvitationDocument,
} from '../../../../libs/read-models/src/practice-members/practice-invitation.projection';
import { CommandRunner } from '../application/command-runner';
import { READ_STORE } from '../infrastructure/tokens';
import { AnswerInvitationCommand } from './practice.commands';

/**
 * The invitee answers with their own login: the practice of the invitation comes from the invitations
 * read model, the invitee's current email from their stream, and the practice decider checks that the
 * invitation was sent to that email, is pending and has not expired.
 */
@CommandHandler(AnswerInvitationCommand)
export class AnswerInvitationHandler implements ICommandHandler<AnswerInvitationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ envelope, invitationId, answer }: AnswerInvitationCommand) {
    const invitation = await this.readStore.collection<PracticeInvitationDocument>(PRACTICE_INVITATIONS).get(invitationId);
    if (!invitation) throw invitationNotFound();
    const userId = envelope.actorUserId!;
    const { state: user } = await this.runner.load(userDecider, userStream(userId));
    if (user.status !== 'registered') throw userNotFound();
    const command = {
      type: answer === 'accept' ? ('AcceptInvitation' as const) : ('DeclineInvitation' as const),
      invitationId,
      userId,
      userEmail: user.email,
      now: envelope.now,
    };
    const practiceId = invitation.practiceId;
    const result = await this.runner.run(practiceDecider, practiceStream(practiceId), command, { ...envelope, practiceId });
    return { practiceId, revision: result.revision, position: result.position };
  }
}
