import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '../../../../libs/events/src/streams';
import { chartDecider, type AddChartMember } from '../../../../libs/domain/src/chart/chart.decider';
import { CommandRunner, RevisionMismatchError } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { AddChartMemberCommand, type ChartCommandResult } from '../clients/client.commands';
import { prepareMember, writeMemberSide } from '../clients/group-members';

/** AddChartMember: the member's own chart first (new client or membership), then the group chart. */
@CommandHandler(AddChartMemberCommand)
export class AddChartMemberHandler implements ICommandHandler<AddChartMemberCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, chartId, member, expectedRevision }: AddChartMemberCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state, revision, events } = await this.runner.load(chartDecider, chartStream(chartId));
    const group = { chartId, name: state.status === 'open' ? state.groupName ?? '' : '' };
    const prepared = await prepareMember(this.runner, this.reservations, envelope, group, member, 'member', 'member');
    const add: AddChartMember = {
      type: 'AddChartMember',
      chartId,
      practiceId,
      member: prepared.member,
      asIdentifiedPatient: member.identifiedPatient,
      asBillingContact: member.billingContact,
    };
    // Validate on the group before writing the member's side, unless this is a retry resuming the job.
    const resuming = events.some((event) => event.metadata.causationId === envelope.commandId);
    if (!resuming) {
      chartDecider.decide(add, state);
      if (expectedRevision !== undefined && expectedRevision !== revision) {
        throw new RevisionMismatchError(chartStream(chartId), expectedRevision, revision);
      }
    }
    await writeMemberSide(this.runner, this.reservations, envelope, group, prepared);
    const result = await this.runner.run(chartDecider, chartStream(chartId), add, envelope);
    return { chartId, revision: result.revision, position: result.position, created: { clientId: prepared.member.clientId } };
  }
}
