import { chartStream } from '@practice/events';
import { chartDecider, type CreateClient, type NewGroupMember } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import type { CommandRunner } from '../application/command-runner';
import type { EmailReservations } from '../application/email-reservations';
import type { GroupMemberInput } from './client.commands';
import { assertClientEmailFree } from './client-emails';
import { existingClientChart } from '../contacts/contact-resolver';

/** A member as it will be written: for a new client, the CreateClient that also records the membership. */
export interface PreparedMember {
  readonly member: NewGroupMember;
  readonly create: CreateClient | null;
}

/** Validates a member (new or existing) and gives its id; writes nothing. */
export const prepareMember = async (
  runner: CommandRunner,
  reservations: EmailReservations,
  envelope: CommandEnvelope,
  group: { chartId: string; name: string },
  input: GroupMemberInput,
  field: string,
  purpose: string,
): Promise<PreparedMember> => {
  const practiceId = envelope.practiceId!;
  const settings = {
    receivesReminders: input.receivesReminders,
    receivesSessionBridging: input.receivesSessionBridging,
    groupPortalAccess: input.groupPortalAccess,
  };
  if (input.ref.kind === 'existing') {
    const chart = await existingClientChart(runner, practiceId, input.ref.clientId, `${field}.clientId`);
    return { member: { clientId: chart.chartId, ...chart.name, ...settings }, create: null };
  }
  const clientId = envelope.newId(purpose);
  const { firstName, lastName, email } = input.ref;
  const create: CreateClient = {
    type: 'CreateClient',
    chartId: clientId,
    practiceId,
    firstName,
    lastName,
    email,
    joinGroup: { groupChartId: group.chartId, groupName: group.name },
  };
  try {
    const [created] = chartDecider.decide(create, chartDecider.initialState());
    const data = created.data as { firstName: string; lastName: string };
    if (email !== null) await assertClientEmailFree(reservations, envelope, practiceId, email, clientId, `${field}.email`);
    return { member: { clientId, firstName: data.firstName, lastName: data.lastName, ...settings }, create };
  } catch (error) {
    throw prefixed(error, field);
  }
};

/** The member's own chart records the membership (the new client is created with it). Idempotent. */
export const writeMemberSide = async (
  runner: CommandRunner,
  reservations: EmailReservations,
  envelope: CommandEnvelope,
  group: { chartId: string; name: string },
  prepared: PreparedMember,
): Promise<void> => {
  const practiceId = envelope.practiceId!;
  const { clientId } = prepared.member;
  if (prepared.create) {
    if (prepared.create.email !== null) {
      await reservations.reserve('client-email', practiceId, prepared.create.email, clientId, -1, envelope);
    }
    await runner.run(chartDecider, chartStream(clientId), prepared.create, envelope);
    return;
  }
  await runner.run(
    chartDecider,
    chartStream(clientId),
    { type: 'JoinGroupChart', chartId: clientId, practiceId, groupChartId: group.chartId, groupName: group.name },
    envelope,
  );
};

/** Domain errors about a member's own fields name them under the member (`members.1.firstName`). */
const prefixed = (error: unknown, field: string): unknown => {
  const fields = (error as { fields?: { field: string; message: string }[] }).fields;
  if (Array.isArray(fields)) {
    for (const f of fields) if (!f.field.startsWith(field)) f.field = `${field}.${f.field}`;
  }
  return error;
};
