import type { ChartEvent } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import { memberAdded } from './chart-create.decide';
import type {
  AddChartMember,
  ChangeChartMemberSettings,
  DesignateGroupBillingContact,
  DesignateIdentifiedPatient,
  JoinGroupChart,
  LeaveGroupChart,
  RemoveChartMember,
} from './chart.commands';
import { clientChartOf, groupChartOf } from './chart.guards';
import type { ChartState, OpenChart } from './chart.state';

const notAMember = (field: string): DomainError =>
  new DomainError('NotAMember', 'invalid', 'That client is not a member of this chart', [{ field, message: 'must be one of the members' }]);

const memberOf = (chart: OpenChart, clientId: string, field: string) => {
  const member = chart.members[clientId];
  if (!member) throw notAMember(field);
  return member;
};

/** On the member's own chart: only an individual or minor client can be a member of a group chart. */
export const joinGroupChart = (command: JoinGroupChart, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.groupCharts[command.groupChartId] !== undefined) return [];
  const { groupChartId, groupName } = command;
  return [{ type: 'ClientJoinedGroupChart', data: { chartId: chart.chartId, groupChartId, groupName } }];
};

export const leaveGroupChart = (command: LeaveGroupChart, state: ChartState): ChartEvent[] => {
  if (state.status !== 'open' || state.groupCharts[command.groupChartId] === undefined) return [];
  return [{ type: 'ClientLeftGroupChart', data: { chartId: state.chartId, groupChartId: command.groupChartId } }];
};

export const addChartMember = (command: AddChartMember, state: ChartState): ChartEvent[] => {
  const chart = groupChartOf(state, command.practiceId);
  if (chart.members[command.member.clientId]) {
    throw new DomainError('AlreadyAMember', 'conflict', 'That client is already a member of this chart', [
      { field: 'clientId', message: 'is already a member' },
    ]);
  }
  const { chartId } = chart;
  const { clientId } = command.member;
  return [
    memberAdded(chartId, command.member, 'member'),
    ...(command.asIdentifiedPatient ? [{ type: 'IdentifiedPatientDesignated' as const, data: { chartId, clientId } }] : []),
    ...(command.asBillingContact ? [{ type: 'GroupBillingContactDesignated' as const, data: { chartId, clientId } }] : []),
  ];
};

/** Removing a member also removes them as Identified Patient / Billing Contact (Needs Attention says so). */
export const removeChartMember = (command: RemoveChartMember, state: ChartState): ChartEvent[] => {
  const chart = groupChartOf(state, command.practiceId);
  memberOf(chart, command.clientId, 'clientId');
  if (Object.keys(chart.members).length === 1) {
    throw invalid('GroupNeedsAMember', 'clientId', 'the last member of a group chart cannot be removed; delete the chart instead');
  }
  return [{ type: 'ChartMemberRemoved', data: { chartId: chart.chartId, clientId: command.clientId } }];
};

export const changeChartMemberSettings = (command: ChangeChartMemberSettings, state: ChartState): ChartEvent[] => {
  const chart = groupChartOf(state, command.practiceId);
  const member = memberOf(chart, command.clientId, 'clientId');
  const { receivesReminders, receivesSessionBridging, groupPortalAccess } = command;
  if (
    member.receivesReminders === receivesReminders &&
    member.receivesSessionBridging === receivesSessionBridging &&
    member.groupPortalAccess === groupPortalAccess
  ) {
    return [];
  }
  return [
    {
      type: 'ChartMemberSettingsChanged',
      data: { chartId: chart.chartId, clientId: command.clientId, receivesReminders, receivesSessionBridging, groupPortalAccess },
    },
  ];
};

export const designateIdentifiedPatient = (command: DesignateIdentifiedPatient, state: ChartState): ChartEvent[] => {
  const chart = groupChartOf(state, command.practiceId);
  memberOf(chart, command.clientId, 'clientId');
  if (chart.identifiedPatientId === command.clientId) return [];
  return [{ type: 'IdentifiedPatientDesignated', data: { chartId: chart.chartId, clientId: command.clientId } }];
};

export const designateGroupBillingContact = (command: DesignateGroupBillingContact, state: ChartState): ChartEvent[] => {
  const chart = groupChartOf(state, command.practiceId);
  memberOf(chart, command.clientId, 'clientId');
  if (chart.billingMemberId === command.clientId) return [];
  return [{ type: 'GroupBillingContactDesignated', data: { chartId: chart.chartId, clientId: command.clientId } }];
};
