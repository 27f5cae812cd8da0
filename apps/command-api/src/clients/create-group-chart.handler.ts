import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider, type CreateGroupChart, invalid } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { CreateGroupChartCommand, type ChartCommandResult } from './client.commands';
import { assertDistinctEmails } from './client-emails';
import { prepareMember, writeMemberSide } from './group-members';

const onlyOne = (flags: readonly boolean[], field: string): void => {
  if (flags.filter(Boolean).length > 1) throw invalid('OnlyOneMember', field, 'may be set on one member only');
};

/**
 * A couple / family / conjoint chart with new and existing members. Everything is validated before
 * the first write. Then each member's own chart (new clients are created here, with their email
 * claims), and the group chart last: a half-done command leaves members that claim a group not yet
 * written, which only makes deleting them refuse; the retry with the same Idempotency-Key finishes the
 * job with the same ids.
 */
@CommandHandler(CreateGroupChartCommand)
export class CreateGroupChartHandler implements ICommandHandler<CreateGroupChartCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reservations: EmailReservations,
  ) {}

  async execute({ envelope, groupKind, name, members }: CreateGroupChartCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const chartId = envelope.newId('chartId');
    const group = { chartId, name: name.trim() };
    onlyOne(members.map((m) => m.identifiedPatient), 'members.identifiedPatient');
    onlyOne(members.map((m) => m.billingContact), 'members.billingContact');
    assertDistinctEmails(members.map((m, i) => ({ email: m.ref.kind === 'new' ? m.ref.email : null, field: `members.${i}.email` })));
    const prepared = [];
    for (const [i, input] of members.entries()) {
      prepared.push(await prepareMember(this.runner, this.reservations, envelope, group, input, `members.${i}`, `member-${i}`));
    }
    const create: CreateGroupChart = {
      type: 'CreateGroupChart',
      chartId,
      practiceId,
      groupKind,
      name,
      members: prepared.map((p) => p.member),
      identifiedPatientId: prepared.find((_, i) => members[i].identifiedPatient)?.member.clientId ?? null,
      billingContactId: prepared.find((_, i) => members[i].billingContact)?.member.clientId ?? null,
    };
    chartDecider.decide(create, chartDecider.initialState());

    for (const member of prepared) await writeMemberSide(this.runner, this.reservations, envelope, group, member);
    const result = await this.runner.run(chartDecider, chartStream(chartId), create, envelope);
    return { chartId, revision: result.revision, position: result.position, created: { memberIds: prepared.map((p) => p.member.clientId) } };
  }
}
