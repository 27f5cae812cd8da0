import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider } from './chart.decider';
import { chartId, groupCreated, individualCreated, memberAdded, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const couple = [groupCreated, memberAdded('a'), memberAdded('b')];
const newMember = { clientId: 'c', firstName: 'M', lastName: 'c', receivesReminders: true, receivesSessionBridging: false, groupPortalAccess: false };

describe('Chart decider: group charts', () => {
  describe('when the group chart has members', () => {
    it('adds a member, optionally as Identified Patient and Billing Contact', () => {
      spec.given(couple).when({ type: 'AddChartMember', chartId, practiceId, member: newMember }).then([memberAdded('c')]);
      spec
        .given(couple)
        .when({ type: 'AddChartMember', chartId, practiceId, member: newMember, asIdentifiedPatient: true, asBillingContact: true })
        .then([
          memberAdded('c'),
          { type: 'IdentifiedPatientDesignated', data: { chartId, clientId: 'c' } },
          { type: 'GroupBillingContactDesignated', data: { chartId, clientId: 'c' } },
        ]);
    });

    it('refuses a member who is already one', () => {
      spec.given(couple).when({ type: 'AddChartMember', chartId, practiceId, member: { ...newMember, clientId: 'a' } }).thenThrows('AlreadyAMember');
    });

    it('removes a member, but never the last one', () => {
      spec.given(couple).when({ type: 'RemoveChartMember', chartId, practiceId, clientId: 'a' }).then([{ type: 'ChartMemberRemoved', data: { chartId, clientId: 'a' } }]);
      spec.given([groupCreated, memberAdded('a')]).when({ type: 'RemoveChartMember', chartId, practiceId, clientId: 'a' }).thenThrows('GroupNeedsAMember');
      spec.given(couple).when({ type: 'RemoveChartMember', chartId, practiceId, clientId: 'z' }).thenThrows('NotAMember', 'clientId');
    });

    it('designates the Identified Patient and the Billing Contact among the members only', () => {
      spec.given(couple).when({ type: 'DesignateIdentifiedPatient', chartId, practiceId, clientId: 'a' }).then([{ type: 'IdentifiedPatientDesignated', data: { chartId, clientId: 'a' } }]);
      spec.given(couple).when({ type: 'DesignateGroupBillingContact', chartId, practiceId, clientId: 'z' }).thenThrows('NotAMember');
    });

    it('designating the same member again changes nothing', () => {
      const designated: ChartEvent = { type: 'IdentifiedPatientDesignated', data: { chartId, clientId: 'a' } };
      spec.given([...couple, designated]).when({ type: 'DesignateIdentifiedPatient', chartId, practiceId, clientId: 'a' }).then([]);
    });

    it('a removed member is no longer the Identified Patient (it can be designated again after re-adding)', () => {
      const history: ChartEvent[] = [...couple, { type: 'IdentifiedPatientDesignated', data: { chartId, clientId: 'a' } }, { type: 'ChartMemberRemoved', data: { chartId, clientId: 'a' } }, memberAdded('a')];
      spec.given(history).when({ type: 'DesignateIdentifiedPatient', chartId, practiceId, clientId: 'a' }).then([{ type: 'IdentifiedPatientDesignated', data: { chartId, clientId: 'a' } }]);
    });

    it('changes per-member reminders, session bridging and group portal access', () => {
      const settings = { receivesReminders: false, receivesSessionBridging: true, groupPortalAccess: true };
      spec
        .given(couple)
        .when({ type: 'ChangeChartMemberSettings', chartId, practiceId, clientId: 'a', ...settings })
        .then([{ type: 'ChartMemberSettingsChanged', data: { chartId, clientId: 'a', ...settings } }]);
      spec
        .given(couple)
        .when({ type: 'ChangeChartMemberSettings', chartId, practiceId, clientId: 'a', receivesReminders: true, receivesSessionBridging: false, groupPortalAccess: false })
        .then([]);
    });

    it('has no details of its own', () => {
      spec.given(couple).when({ type: 'SetLegalName', chartId, practiceId, firstName: 'A', lastName: 'B' }).thenThrows('GroupChartHasNoDetails');
      spec.given(couple).when({ type: 'CompleteSetupStep', chartId, practiceId, step: 'demographics' }).thenThrows('GroupChartHasNoDetails');
    });
  });

  describe("on a member's own chart", () => {
    it('records joining a group once', () => {
      const joined: ChartEvent = { type: 'ClientJoinedGroupChart', data: { chartId, groupChartId: 'g', groupName: 'G' } };
      spec.given([individualCreated]).when({ type: 'JoinGroupChart', chartId, practiceId, groupChartId: 'g', groupName: 'G' }).then([joined]);
      spec.given([individualCreated, joined]).when({ type: 'JoinGroupChart', chartId, practiceId, groupChartId: 'g', groupName: 'G' }).then([]);
      spec.given([individualCreated, joined]).when({ type: 'LeaveGroupChart', chartId, practiceId, groupChartId: 'g' }).then([{ type: 'ClientLeftGroupChart', data: { chartId, groupChartId: 'g' } }]);
    });

    it('a group chart cannot be a member of another', () => {
      spec.given([groupCreated]).when({ type: 'JoinGroupChart', chartId, practiceId, groupChartId: 'g', groupName: 'G' }).thenThrows('GroupChartHasNoDetails');
    });

    it('members are managed on group charts only', () => {
      spec.given([individualCreated]).when({ type: 'AddChartMember', chartId, practiceId, member: newMember }).thenThrows('NotAGroupChart');
    });
  });
});
