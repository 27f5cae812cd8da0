import type { ChartState } from '../chart/chart.state';
import type { CreateClient, CreateMinorClient } from '../chart/chart.commands';
import type { ContactDetails } from '../contact/contact.decider';
import { normalizeEmail } from '../shared/email-address';
import { main, type WorkflowStep } from './workflow';

type Email = string | null;

const sameEmail = (a: Email, b: Email): boolean => (a === null ? null : normalizeEmail(a)) === (b === null ? null : normalizeEmail(b));

/**
 * Changing an email that is claimed (a client's within the practice, a user's login): claim the new
 * address, change the owner, release the old one. A crash in between leaves an extra claim, never a
 * double use. An unchanged address (in any letter case) is the change alone.
 */
export const changeEmailWithClaim = (claim: {
  readonly scope: 'client-email' | 'login-email';
  readonly scopeId: string;
  readonly ownerId: string;
  /** The owner's revision the change read and will be written at. */
  readonly ownerRevision: number;
  readonly before: Email;
  readonly after: Email;
}): WorkflowStep[] => {
  const { scope, scopeId, ownerId, ownerRevision, before, after } = claim;
  if (sameEmail(before, after)) return [main];
  return [
    ...(after === null ? [] : [{ kind: 'claimEmail' as const, scope, scopeId, email: after, ownerId, ownerRevision }]),
    main,
    ...(before === null ? [] : [{ kind: 'releaseEmail' as const, scope, scopeId, email: before, ownerId }]),
  ];
};

/**
 * Deleting a client: the chart first (the decider refuses while it is linked elsewhere), then its email
 * is released and the charts it linked to forget it: a group's members leave it, clients who were its
 * contacts stop being contacts of it. `before` is the chart as it was before the delete.
 */
export const deleteClientCascade = (before: ChartState, practiceId: string): WorkflowStep[] => {
  if (before.status !== 'open') return [main];
  const chartId = before.chartId;
  return [
    main,
    ...(before.email === null ? [] : [{ kind: 'releaseEmail' as const, scope: 'client-email' as const, scopeId: practiceId, email: before.email, ownerId: chartId }]),
    ...Object.keys(before.members).map((memberId) => ({
      kind: 'chart' as const,
      command: { type: 'LeaveGroupChart' as const, chartId: memberId, practiceId, groupChartId: chartId },
    })),
    ...Object.values(before.contacts).flatMap((contact) =>
      contact.clientId === null
        ? []
        : [{ kind: 'chart' as const, command: { type: 'RecordClientNoLongerContact' as const, chartId: contact.clientId, practiceId, onChartId: chartId } }],
    ),
  ];
};

/** A member of a group chart: a new client (created already in the group) or an existing client. */
export type MemberToAdd = { readonly kind: 'new'; readonly create: CreateClient } | { readonly kind: 'existing'; readonly clientId: string };

/**
 * A member's own chart records the membership before the group does (a new client is created with it,
 * after its email is claimed); the group chart is last, so a half-done command leaves a member that
 * names a group not yet written, which only makes deleting that member refuse until a retry finishes.
 */
export const memberSide = (group: { readonly chartId: string; readonly name: string; readonly practiceId: string }, member: MemberToAdd): WorkflowStep[] => {
  if (member.kind === 'new') {
    const { create } = member;
    return [
      ...(create.email === null ? [] : [{ kind: 'claimEmail' as const, scope: 'client-email' as const, scopeId: group.practiceId, email: create.email, ownerId: create.chartId, ownerRevision: -1 }]),
      { kind: 'chart', command: create },
    ];
  }
  return [
    { kind: 'chart', command: { type: 'JoinGroupChart', chartId: member.clientId, practiceId: group.practiceId, groupChartId: group.chartId, groupName: group.name } },
  ];
};

/** Adding a member to an existing group chart: the member's side, then the group chart (the main command). */
export const addChartMember = (group: { readonly chartId: string; readonly name: string; readonly practiceId: string }, member: MemberToAdd): WorkflowStep[] => [
  ...memberSide(group, member),
  main,
];

/** A contact to link: a new one (or the contact record of a client) still to be created, and the client it is. */
export interface ContactToLink {
  readonly contactId: string;
  readonly clientId: string | null;
  readonly create: (ContactDetails & { readonly clientId: string | null }) | null;
}

/**
 * What linking a contact to a chart needs before the chart records it: the contact record, and on a
 * client's own chart the fact that it is a contact elsewhere (so deleting that client is refused).
 */
export const contactSide = (onChart: { readonly chartId: string; readonly name: string; readonly practiceId: string }, contact: ContactToLink): WorkflowStep[] => [
  ...(contact.create === null
    ? []
    : [{ kind: 'contact' as const, command: { type: 'CreateContact' as const, contactId: contact.contactId, practiceId: onChart.practiceId, ...contact.create } }]),
  ...(contact.clientId === null
    ? []
    : [
        {
          kind: 'chart' as const,
          command: {
            type: 'RecordClientAsContact' as const,
            chartId: contact.clientId,
            practiceId: onChart.practiceId,
            contactId: contact.contactId,
            onChartId: onChart.chartId,
            onChartName: onChart.name,
          },
        },
      ]),
];

/** Linking a contact to an existing chart: the contact's side, then the chart (the main command). */
export const linkContact = (onChart: { readonly chartId: string; readonly name: string; readonly practiceId: string }, contact: ContactToLink): WorkflowStep[] => [
  ...contactSide(onChart, contact),
  main,
];

/**
 * Creating a minor: each contact's side (its record; on a client's own chart, the fact it is a contact
 * of the minor), the minor's email claim, then the minor's chart last, so a half-done command leaves
 * no chart behind and a retry with the same Idempotency-Key finishes it with the same ids.
 */
export const createMinorClient = (create: CreateMinorClient, contacts: readonly ContactToLink[]): WorkflowStep[] => {
  const minor = { chartId: create.chartId, name: `${create.firstName.trim()} ${create.lastName.trim()}`, practiceId: create.practiceId };
  return [
    ...contacts.flatMap((contact) => contactSide(minor, contact)),
    ...(create.email === null
      ? []
      : [{ kind: 'claimEmail' as const, scope: 'client-email' as const, scopeId: create.practiceId, email: create.email, ownerId: create.chartId, ownerRevision: -1 }]),
    main,
  ];
};
