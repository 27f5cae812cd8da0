import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream, type ChartEvent } from '@practice/events';
import { chartDecider, emailClaimChanges, type ChartState } from '@practice/domain';
import { WrongExpectedRevisionError } from '@practice/event-store';
import { CommandRunner, foldRecorded, RevisionMismatchError, type CommandResult } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { EditClientProfileCommand, type ChartCommandResult } from '../clients/client.commands';
import { clientRecordDecider, patchedEdit } from './client-record-patch';

const emailOf = (state: ChartState): string | null => (state.status === 'open' ? state.email : null);

const MAX_ATTEMPTS = 5;

/**
 * The profile card's edit (PUT: the whole card; PATCH: a merge patch of it). When the email moves to
 * another address: claim the new one naming the chart revision read, write the chart at exactly that
 * revision, then release the old one. The chart write never lands on a chart other than the one the
 * decision was made on: a concurrent change makes it read, claim and write again. An edit that gives up
 * releases what it claimed; if it dies first, its claim is seen to be stale (the chart moved past its
 * revision without taking the address, or a minute went by) and is taken over by the next claimant.
 */
@CommandHandler(EditClientProfileCommand)
export class EditClientProfileHandler implements ICommandHandler<EditClientProfileCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, command, expectedRevision }: EditClientProfileCommand): Promise<ChartCommandResult> {
    const { chartId, practiceId } = command;
    const stream = chartStream(chartId);
    let claimed: string | null = null;
    for (let attempt = 1; ; attempt += 1) {
      const { state, revision, events } = await this.runner.load(chartDecider, stream);
      const own = events.findIndex((event) => event.metadata.causationId === envelope.commandId);
      const resuming = own >= 0;
      // The email before this command, also when a retry resumes it after the chart was changed.
      const earlier = resuming ? events.slice(0, own) : events;
      const beforeState = foldRecorded<ChartState, ChartEvent>(chartDecider, earlier);
      const before = emailOf(beforeState);
      const { email } = command.type === 'EditClientProfile' ? command : patchedEdit(command, beforeState);
      const after = email === null || email.trim() === '' ? null : email.trim();
      const moves = emailClaimChanges(before, after);
      let result: CommandResult<ChartState, ChartEvent>;
      try {
        if (!resuming) {
          clientRecordDecider.decide(command, state);
          if (expectedRevision !== undefined && expectedRevision !== revision) throw new RevisionMismatchError(stream, expectedRevision, revision);
          if (moves && after !== null) {
            await this.reservations.reserve('client-email', practiceId, after, chartId, revision, envelope);
            claimed = after;
          }
        }
        // A retry that resumes is answered from its events; otherwise the write expects the revision read.
        result = await this.runner.run(clientRecordDecider, stream, command, envelope, { expectedRevision: revision });
      } catch (error) {
        const lostRace = error instanceof RevisionMismatchError && expectedRevision === undefined;
        if (lostRace && attempt < MAX_ATTEMPTS) continue;
        if (claimed !== null) await this.reservations.releaseQuietly('client-email', practiceId, claimed, chartId, envelope);
        throw lostRace ? new WrongExpectedRevisionError(stream, revision, error.actual) : error;
      }
      if (moves && before !== null) await this.reservations.release('client-email', practiceId, before, chartId, envelope);
      return { chartId, revision: result.revision, position: result.position };
    }
  }
}
