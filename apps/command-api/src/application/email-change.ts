import type { DomainEvent, ReservationScope } from '@practice/events';
import { WrongExpectedRevisionError } from '@practice/event-store';
import { changeEmailWithClaim, type Decider, type WorkflowStep } from '@practice/domain';
import type { CommandEnvelope } from './command-envelope';
import { RevisionMismatchError, type CommandResult, type CommandRunner } from './command-runner';
import type { EmailReservations } from './email-reservations';
import { executeWorkflow } from './workflow-executor';
import { afterLostRace, MAX_ATTEMPTS } from './lost-race';

export interface EmailChange<C, S, E extends DomainEvent> {
  readonly decider: Decider<C, S, E>;
  readonly streamId: string;
  readonly command: C;
  readonly scope: ReservationScope;
  readonly scopeId: string;
  readonly ownerId: string;
  /** The owner's address before the command and the one it asks for (from the state before it). */
  readonly emails: (before: S) => { readonly before: string | null; readonly after: string | null };
  /** If-Match: a stale one is refused before anything is claimed, and is never retried (412). */
  readonly expectedRevision?: number;
}

/**
 * A change of an address that is claimed (a client's within its practice, a user's login): the steps of
 * the changeEmailWithClaim workflow, fenced by the revision read: the claim names it and the owner is
 * written at exactly it, so a concurrent change of the owner makes the command read, claim and write
 * again. A change that gives up releases what it claimed; one that dies leaves a claim the next
 * claimant sees to be stale and takes over (see the reservation decider).
 */
export const runEmailChange = async <C, S, E extends DomainEvent>(
  runner: CommandRunner,
  reservations: EmailReservations,
  change: EmailChange<C, S, E>,
  envelope: CommandEnvelope,
): Promise<CommandResult<S, unknown>> => {
  const { decider, streamId, command, scope, scopeId, ownerId, expectedRevision } = change;
  let claimed: string | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const prepared = await runner.prepare(decider, streamId, command, envelope, { expectedRevision });
    const { before, after } = change.emails(prepared.before);
    const resuming = prepared.earlier.length > 0;
    // A retry that resumes is answered from its events: its claim was made (or taken over) the first time.
    const steps = changeEmailWithClaim({ scope, scopeId, ownerId, ownerRevision: prepared.revision, before, after }).filter(
      (step) => !(resuming && step.kind === 'claimEmail'),
    );
    const noteClaim = (step: WorkflowStep): void => {
      if (step.kind === 'claimEmail') claimed = step.email;
    };
    try {
      return await executeWorkflow(runner, reservations, steps, { decider, streamId, command }, envelope, { expectedRevision: prepared.revision }, noteClaim);
    } catch (error) {
      // Only a race this command lost is retried (its claim is kept and named again at the new revision).
      const lostRace = error instanceof RevisionMismatchError && expectedRevision === undefined;
      if (lostRace && attempt < MAX_ATTEMPTS) {
        await afterLostRace(attempt);
        continue;
      }
      if (claimed !== undefined) await reservations.releaseQuietly(scope, scopeId, claimed, ownerId, envelope);
      throw lostRace ? new WrongExpectedRevisionError(streamId, prepared.revision, error.actual) : error;
    }
  }
};
