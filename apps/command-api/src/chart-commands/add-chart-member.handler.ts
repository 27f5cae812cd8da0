import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, type AddChartMember, addChartMember, type MemberToAdd } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { executeWorkflow } from '../application/workflow-executor';
import { EmailReservations } from '../application/email-reservations';
import { AddChartMemberCommand, type ChartCommandResult } from '../clients/client.commands';
import { prepareMember } from '../clients/group-members';

/** AddChartMember: the member's own chart first (new client or membership), then the group chart (the addChartMember workflow). */
@CommandHandler(AddChartMemberCommand)
export class AddChartMemberHandler implements ICommandHandler<AddChartMemberCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, chartId, member, expectedRevision }: AddChartMemberCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state } = await this.runner.load(chartDecider, chartStream(chartId));
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
    // The group decides first (and a retry is recognised, If-Match checked), before the member's side is
    // written; then the steps of the workflow: the member's own chart, then the group chart.
    const main = { decider: chartDecider, streamId: chartStream(chartId), command: add };
    await this.runner.prepare(chartDecider, main.streamId, add, envelope, { expectedRevision });
    const side: MemberToAdd = prepared.create ? { kind: 'new', create: prepared.create } : { kind: 'existing', clientId: prepared.member.clientId };
    const steps = addChartMember({ chartId, name: group.name, practiceId }, side);
    const result = await executeWorkflow(this.runner, this.reservations, steps, main, envelope);
    return { chartId, revision: result.revision, position: result.position, created: { clientId: prepared.member.clientId } };
  }
}
