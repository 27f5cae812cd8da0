import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider } from './chart.decider';
import { chartId, contactAdded, groupCreated, individualCreated, individualWithoutEmail, invitationSent, minorCreated, now, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const at = (minutesAfterNow: number) => new Date(Date.parse(now) + minutesAfterNow * 60_000).toISOString();
const deactivated: ChartEvent = { type: 'ClientDeactivated', data: { chartId } };

describe('Chart decider: status and quick actions', () => {
  describe('when the client is Active and not invited', () => {
    it('invites to the portal (the client becomes Pending)', () => {
      spec.given([individualCreated]).when({ type: 'InviteToPortal', chartId, practiceId, now, guardiansWithEmail: 0 }).then([invitationSent(now)]);
    });

    it("does not invite a minor whose portal access is neither (nobody would receive it)", () => {
      const minorWithEmail = { ...minorCreated, data: { ...minorCreated.data, email: 'tim@example.com' } } as ChartEvent;
      const access = (value: 'minor' | 'neither'): ChartEvent => ({ type: 'MinorPortalAccessSet', data: { chartId, access: value } });
      spec.given([minorWithEmail, access('neither')]).when({ type: 'InviteToPortal', chartId, practiceId, now, guardiansWithEmail: 0 }).thenThrows('PortalAccessNotGranted');
      spec.given([minorWithEmail, access('minor')]).when({ type: 'InviteToPortal', chartId, practiceId, now, guardiansWithEmail: 0 }).then([
        { type: 'PortalInvitationSent', data: { chartId, email: 'tim@example.com', sentAt: now, resend: false } },
      ]);
    });

    it('needs an email to invite', () => {
      spec.given([individualWithoutEmail]).when({ type: 'InviteToPortal', chartId, practiceId, now, guardiansWithEmail: 0 }).thenThrows('EmailRequired', 'email');
    });

    it("invites a minor's guardians alone when the portal access is guardian, without the minor's email", () => {
      const access = (value: 'minor' | 'guardian' | 'both'): ChartEvent => ({ type: 'MinorPortalAccessSet', data: { chartId, access: value } });
      const invite = (guardiansWithEmail: number) => ({ type: 'InviteToPortal' as const, chartId, practiceId, now, guardiansWithEmail });
      const sent: ChartEvent = { type: 'PortalInvitationSent', data: { chartId, email: null, sentAt: now, resend: false } };
      spec.given([minorCreated, access('guardian')]).when(invite(1)).then([sent]);
      spec.given([minorCreated, access('both')]).when(invite(2)).then([sent]);
      spec.given([minorCreated, access('guardian')]).when(invite(0)).thenThrows('EmailRequired', 'contacts');
      spec.given([minorCreated, access('minor')]).when(invite(3)).thenThrows('EmailRequired', 'email');
      spec.given([minorCreated, access('guardian'), sent]).when({ type: 'ResendPortalInvitation', chartId, practiceId, now: at(1), guardiansWithEmail: 0 }).thenThrows('EmailRequired', 'contacts');
      spec.given([minorCreated, access('guardian'), sent]).when({ type: 'ResendPortalInvitation', chartId, practiceId, now: at(1), guardiansWithEmail: 1 }).then([
        { type: 'PortalInvitationSent', data: { chartId, email: null, sentAt: at(1), resend: true } },
      ]);
    });

    it('has no invitation to resend or accept', () => {
      spec.given([individualCreated]).when({ type: 'ResendPortalInvitation', chartId, practiceId, now, guardiansWithEmail: 0 }).thenThrows('NoPendingInvitation');
      spec.given([individualCreated]).when({ type: 'AcceptPortalInvitation', chartId, practiceId, now }).thenThrows('NoPendingInvitation');
    });

    it('deactivates, and refuses to reactivate', () => {
      spec.given([individualCreated]).when({ type: 'DeactivateClient', chartId, practiceId }).then([deactivated]);
      spec.given([individualCreated]).when({ type: 'ReactivateClient', chartId, practiceId }).thenThrows('ClientAlreadyActive');
    });

    it('deletes a client linked nowhere, carrying the email to release', () => {
      spec.given([individualCreated]).when({ type: 'DeleteClient', chartId, practiceId }).then([{ type: 'ClientDeleted', data: { chartId, practiceId, email: 'ada@example.com' } }]);
    });

    it('sets portal access to the own chart', () => {
      spec.given([individualCreated]).when({ type: 'SetClientPortalAccess', chartId, practiceId, enabled: true }).then([{ type: 'ClientPortalAccessSet', data: { chartId, enabled: true } }]);
      spec.given([individualCreated]).when({ type: 'SetClientPortalAccess', chartId, practiceId, enabled: false }).then([]);
    });
  });

  describe('when the client is Pending (invited, not accepted)', () => {
    const invited = [individualCreated, invitationSent(now)];

    it('refuses a second first invitation', () => {
      spec.given(invited).when({ type: 'InviteToPortal', chartId, practiceId, now: at(1), guardiansWithEmail: 0 }).thenThrows('PortalInvitationPending');
    });

    it('resends, at most three sends in any hour', () => {
      spec.given(invited).when({ type: 'ResendPortalInvitation', chartId, practiceId, now: at(1), guardiansWithEmail: 0 }).then([invitationSent(at(1), true)]);
      const thrice = [...invited, invitationSent(at(1), true), invitationSent(at(2), true)];
      spec.given(thrice).when({ type: 'ResendPortalInvitation', chartId, practiceId, now: at(3), guardiansWithEmail: 0 }).thenThrows('InvitationResendLimitReached');
      spec.given(thrice).when({ type: 'ResendPortalInvitation', chartId, practiceId, now: at(61), guardiansWithEmail: 0 }).then([invitationSent(at(61), true)]);
    });

    it('accepts (the client becomes Active); accepting twice changes nothing', () => {
      const accepted: ChartEvent = { type: 'PortalInvitationAccepted', data: { chartId, acceptedAt: at(5) } };
      spec.given(invited).when({ type: 'AcceptPortalInvitation', chartId, practiceId, now: at(5) }).then([accepted]);
      spec.given([...invited, accepted]).when({ type: 'AcceptPortalInvitation', chartId, practiceId, now: at(6) }).then([]);
      spec.given([...invited, accepted]).when({ type: 'InviteToPortal', chartId, practiceId, now: at(6), guardiansWithEmail: 0 }).thenThrows('PortalInvitationAlreadyAccepted');
    });
  });

  describe('when the client is Inactive', () => {
    it('refuses invitations and a second deactivation; reactivates', () => {
      spec.given([individualCreated, deactivated]).when({ type: 'InviteToPortal', chartId, practiceId, now, guardiansWithEmail: 0 }).thenThrows('ClientInactive');
      spec.given([individualCreated, deactivated]).when({ type: 'DeactivateClient', chartId, practiceId }).thenThrows('ClientAlreadyInactive');
      spec.given([individualCreated, deactivated]).when({ type: 'ReactivateClient', chartId, practiceId }).then([{ type: 'ClientReactivated', data: { chartId } }]);
    });
  });

  describe('when the client is linked to other charts', () => {
    it('refuses the delete, naming every chart', () => {
      const linked: ChartEvent[] = [
        individualCreated,
        { type: 'ClientJoinedGroupChart', data: { chartId, groupChartId: 'g-1', groupName: 'The Smiths' } },
        { type: 'ClientBecameContact', data: { chartId, contactId: 'k-1', onChartId: 'm-1', onChartName: 'Tim Jones' } },
      ];
      const error = spec.given(linked).when({ type: 'DeleteClient', chartId, practiceId }).thenThrows('ClientLinkedToOtherCharts');
      expect(error.details.charts).toEqual([
        { chartId: 'g-1', name: 'The Smiths', as: 'member' },
        { chartId: 'm-1', name: 'Tim Jones', as: 'contact' },
      ]);
      expect(error.message).toContain('The Smiths');
    });

    it('deletes once unlinked', () => {
      const unlinked: ChartEvent[] = [
        individualCreated,
        { type: 'ClientJoinedGroupChart', data: { chartId, groupChartId: 'g-1', groupName: 'The Smiths' } },
        { type: 'ClientLeftGroupChart', data: { chartId, groupChartId: 'g-1' } },
      ];
      spec.given(unlinked).when({ type: 'DeleteClient', chartId, practiceId }).then([{ type: 'ClientDeleted', data: { chartId, practiceId, email: 'ada@example.com' } }]);
    });

    it('names the contacts it unlinks when deleting a chart that has contacts', () => {
      spec
        .given([individualCreated, contactAdded('k-1'), contactAdded('k-2')])
        .when({ type: 'DeleteClient', chartId, practiceId })
        .then([{ type: 'ClientDeleted', data: { chartId, practiceId, email: 'ada@example.com', contactIds: ['k-1', 'k-2'] } }]);
    });
  });

  describe('minor portal access', () => {
    it('is set on minors only', () => {
      const minor = [minorCreated, contactAdded('k-1')];
      spec.given(minor).when({ type: 'SetMinorPortalAccess', chartId, practiceId, access: 'both' }).then([{ type: 'MinorPortalAccessSet', data: { chartId, access: 'both' } }]);
      spec.given([individualCreated]).when({ type: 'SetMinorPortalAccess', chartId, practiceId, access: 'both' }).thenThrows('NotAMinor');
    });
  });

  describe('when the chart is a group chart', () => {
    it('is not invited itself (portal access is per member)', () => {
      spec.given([groupCreated]).when({ type: 'InviteToPortal', chartId, practiceId, now, guardiansWithEmail: 0 }).thenThrows('GroupChartHasNoDetails');
    });
  });
});
