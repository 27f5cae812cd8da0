import type { ChartEvent } from '@practice/events';
import { DomainError } from '../shared/domain-error';
import type {
  AcceptPortalInvitation,
  DeactivateClient,
  DeleteClient,
  InviteToPortal,
  ReactivateClient,
  ResendPortalInvitation,
  SetClientPortalAccess,
  SetMinorPortalAccess,
} from './chart.commands';
import { activeChartOf, clientChartOf, openChartOf } from './chart.guards';
import type { ChartState, OpenChart } from './chart.state';

/** At most this many invitations (first one included) per client in any hour. */
export const INVITATIONS_PER_HOUR = 3;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Who a portal invitation reaches: the client's own email, but for a minor as the chart's portal access
 * says (`minor`, `guardian` or `both`; a minor's chart from before portal access was kept counts as
 * `minor`). Nobody reached is 409: an invitation nobody receives would leave the client Pending.
 */
const assertSomeoneReached = (chart: OpenChart, guardiansWithEmail: number): void => {
  const access = chart.kind === 'minor' ? (chart.minorPortalAccess ?? 'minor') : 'minor';
  if (access === 'neither') {
    throw new DomainError('PortalAccessNotGranted', 'conflict', "The minor's portal access is neither: set it to minor, guardian or both first");
  }
  const toClient = access !== 'guardian';
  const toGuardians = access !== 'minor';
  if ((toClient && chart.email !== null) || (toGuardians && guardiansWithEmail > 0)) return;
  throw new DomainError('EmailRequired', 'conflict', 'Nobody the invitation is for has an email address', [
    ...(toClient ? [{ field: 'email', message: 'is required for the Client Portal' }] : []),
    ...(toGuardians ? [{ field: 'contacts', message: "one of the minor's contacts needs an email address for the Client Portal" }] : []),
  ]);
};

const sentInLastHour = (chart: OpenChart, now: string): number =>
  chart.invitationsSentAt.filter((sentAt) => Date.parse(now) - Date.parse(sentAt) < HOUR_MS).length;

/**
 * Invite: an active client the invitation reaches (above), not already invited. The client becomes
 * Pending. The event keeps the client's email (null when a minor's guardians alone are invited).
 */
export const inviteToPortal = (command: InviteToPortal, state: ChartState): ChartEvent[] => {
  const chart = activeChartOf(state, command.practiceId);
  clientChartOf(state, command.practiceId);
  assertSomeoneReached(chart, command.guardiansWithEmail);
  if (chart.invitation === 'accepted') {
    throw new DomainError('PortalInvitationAlreadyAccepted', 'conflict', 'The client already uses the portal');
  }
  if (chart.invitation === 'invited') {
    throw new DomainError('PortalInvitationPending', 'conflict', 'The client is already invited; resend the invitation instead');
  }
  return [{ type: 'PortalInvitationSent', data: { chartId: chart.chartId, email: chart.email, sentAt: command.now, resend: false } }];
};

/** Resend: only a pending invitation, and at most INVITATIONS_PER_HOUR sends in any hour. */
export const resendPortalInvitation = (command: ResendPortalInvitation, state: ChartState): ChartEvent[] => {
  const chart = activeChartOf(state, command.practiceId);
  if (chart.invitation !== 'invited') {
    throw new DomainError('NoPendingInvitation', 'conflict', 'There is no pending portal invitation to resend');
  }
  assertSomeoneReached(chart, command.guardiansWithEmail);
  if (sentInLastHour(chart, command.now) >= INVITATIONS_PER_HOUR) {
    throw new DomainError('InvitationResendLimitReached', 'conflict', `At most ${INVITATIONS_PER_HOUR} invitations per hour; try again later`, [], {
      limitPerHour: INVITATIONS_PER_HOUR,
    });
  }
  return [{ type: 'PortalInvitationSent', data: { chartId: chart.chartId, email: chart.email, sentAt: command.now, resend: true } }];
};

/** The client accepted: Pending becomes Active. Accepting twice changes nothing. */
export const acceptPortalInvitation = (command: AcceptPortalInvitation, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (chart.invitation === 'accepted') return [];
  if (chart.invitation !== 'invited') throw new DomainError('NoPendingInvitation', 'conflict', 'The client was not invited to the portal');
  return [{ type: 'PortalInvitationAccepted', data: { chartId: chart.chartId, acceptedAt: command.now } }];
};

export const setClientPortalAccess = (command: SetClientPortalAccess, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.portalAccess === command.enabled) return [];
  return [{ type: 'ClientPortalAccessSet', data: { chartId: chart.chartId, enabled: command.enabled } }];
};

export const setMinorPortalAccess = (command: SetMinorPortalAccess, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (chart.kind !== 'minor') throw new DomainError('NotAMinor', 'conflict', 'Portal access for minor / guardian applies to minor charts');
  if (chart.minorPortalAccess === command.access) return [];
  return [{ type: 'MinorPortalAccessSet', data: { chartId: chart.chartId, access: command.access } }];
};

export const deactivateClient = (command: DeactivateClient, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (!chart.active) throw new DomainError('ClientAlreadyInactive', 'conflict', 'The client is already inactive');
  return [{ type: 'ClientDeactivated', data: { chartId: chart.chartId } }];
};

export const reactivateClient = (command: ReactivateClient, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (chart.active) throw new DomainError('ClientAlreadyActive', 'conflict', 'The client is not inactive');
  return [{ type: 'ClientReactivated', data: { chartId: chart.chartId } }];
};

/**
 * Delete: refused, naming the charts, while the client is a member of a group chart or a contact on
 * another chart (deleting would silently remove them there).
 */
export const deleteClient = (command: DeleteClient, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  const charts = [
    ...Object.entries(chart.groupCharts).map(([chartId, name]) => ({ chartId, name, as: 'member' })),
    ...Object.entries(chart.contactOn).map(([chartId, name]) => ({ chartId, name, as: 'contact' })),
  ];
  if (charts.length > 0) {
    const names = charts.map((c) => `${c.name} (${c.as})`).join(', ');
    throw new DomainError('ClientLinkedToOtherCharts', 'conflict', `The client cannot be deleted while linked to: ${names}`, [], { charts });
  }
  // The deletion names the contacts it unlinks, so their own records can drop the chart.
  const contactIds = Object.keys(chart.contacts);
  return [
    {
      type: 'ClientDeleted',
      data: { chartId: chart.chartId, practiceId: chart.practiceId, email: chart.email, ...(contactIds.length > 0 ? { contactIds } : {}) },
    },
  ];
};
