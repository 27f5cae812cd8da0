import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { practiceStream, userStream } from '@practice/events';
import type { ReadStore } from '@practice/read-store';
import { practiceDecider, invitationNotFound, userDecider, userNotFound } from '@practice/domain';
import {
  PRACTICE_INVITATIONS,
  type PracticeInvitationDocument,
} from '@practice/read-models';
import { CommandRunner } from '../application/command-runner';
import { ReadModelFreshness } from '../application/read-model-freshness';
import type { EventStore } from '@practice/event-store';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { AnswerInvitationCommand } from './practice.commands';

/**
 * The invitee answers with their own login: the practice of the invitation comes from the invitations
 * read model (waiting for it to catch up on a miss), the invitee's current email from their stream, and the practice decider checks that the
 * invitation was sent to that email, is pending and has not expired.
 */
@CommandHandler(AnswerInvitationCommand)
export class AnswerInvitationHandler implements ICommandHandler<AnswerInvitationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  /**
   * The invitation's practice. On a miss the read model may just not have caught up with an invitation
   * sent a moment ago: wait (bounded) until it has applied everything in the log, then look again.
   */
  private async invitationOf(invitationId: string): Promise<PracticeInvitationDocument> {
    const invitations = this.readStore.collection<PracticeInvitationDocument>(PRACTICE_INVITATIONS);
    const found = await invitations.get(invitationId);
    if (found) return found;
    await this.freshness.awaitPosition(await this.events.headPosition(), [PRACTICE_INVITATIONS]);
    const caughtUp = await invitations.get(invitationId);
    if (!caughtUp) throw invitationNotFound();
    return caughtUp;
  }

  async execute({ envelope, invitationId, answer }: AnswerInvitationCommand) {
    const invitation = await this.invitationOf(invitationId);
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
