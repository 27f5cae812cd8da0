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

const emailRequired = (): DomainError =>
  new DomainError('EmailRequired', 'conflict', 'The client needs an email address to be invited to the portal', [
    { field: 'email', message: 'is required for the Client Portal' },
  ]);

const sentInLastHour = (chart: OpenChart, now: string): number =>
  chart.invitationsSentAt.filter((sentAt) => Date.parse(now) - Date.parse(sentAt) < HOUR_MS).length;

/**
 * Invite: an active client with an email, not already invited; a minor only when the chart's portal
 * access lets someone in (not `neither`: an invitation nobody receives would leave the client Pending
 * for nothing). The client becomes Pending.
 */
export const inviteToPortal = (command: InviteToPortal, state: ChartState): ChartEvent[] => {
  const chart = activeChartOf(state, command.practiceId);
  clientChartOf(state, command.practiceId);
  if (chart.kind === 'minor' && chart.minorPortalAccess === 'neither') {
    throw new DomainError('PortalAccessNotGranted', 'conflict', "The minor's portal access is neither: set it to minor, guardian or both first");
  }
  if (chart.email === null) throw emailRequired();
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
  if (chart.email === null) throw emailRequired();
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
