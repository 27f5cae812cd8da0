import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand, type NewGroupMember } from './chart.decider';
import { chartId, contactAdded, groupCreated, individualCreated, memberAdded, minorCreated, noRoles, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);

const contact = { contactId: 'k-1', firstName: 'Bob', lastName: 'Jones', relationship: null, clientId: null, roles: noRoles };
const minor = (overrides: Partial<Extract<ChartCommand, { type: 'CreateMinorClient' }>> = {}): ChartCommand => ({
  type: 'CreateMinorClient',
  chartId,
  practiceId,
  firstName: 'Tim',
  lastName: 'Jones',
  email: null,
  contacts: [contact],
  portalAccess: 'guardian',
  ...overrides,
});

const member = (clientId: string): NewGroupMember => ({
  clientId,
  firstName: 'M',
  lastName: clientId,
  receivesReminders: true,
  receivesSessionBridging: false,
  groupPortalAccess: false,
});
const group = (overrides: Partial<Extract<ChartCommand, { type: 'CreateGroupChart' }>> = {}): ChartCommand => ({
  type: 'CreateGroupChart',
  chartId,
  practiceId,
  groupKind: 'couple',
  name: ' The Smiths ',
  members: [member('a'), member('b')],
  identifiedPatientId: 'a',
  billingContactId: 'b',
  ...overrides,
});

describe('Chart decider: creating charts', () => {
  describe('when the chart does not exist', () => {
    it('creates a new group member together with its membership (one write)', () => {
      spec
        .given([])
        .when({ type: 'CreateClient', chartId, practiceId, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', joinGroup: { groupChartId: 'g-1', groupName: 'G' } })
        .then([individualCreated, { type: 'ClientJoinedGroupChart', data: { chartId, groupChartId: 'g-1', groupName: 'G' } }]);
    });

    it('creates a minor with its contacts and portal access', () => {
      spec
        .given([])
        .when(minor())
        .then([minorCreated, contactAdded('k-1'), { type: 'MinorPortalAccessSet', data: { chartId, access: 'guardian' } }]);
    });

    it('refuses a minor without a contact', () => {
      spec.given([]).when(minor({ contacts: [] })).thenThrows('MinorNeedsAContact', 'contacts');
    });

    it('refuses the same contact twice', () => {
      spec.given([]).when(minor({ contacts: [contact, contact] })).thenThrows('DuplicateEntry', 'contacts');
    });

    it('names the contact field that is wrong', () => {
      spec.given([]).when(minor({ contacts: [{ ...contact, firstName: ' ' }] })).thenThrows('NameRequired', 'contacts.0.firstName');
    });

    it('creates a group chart with members, Identified Patient and Billing Contact', () => {
      spec
        .given([])
        .when(group())
        .then([
          groupCreated,
          memberAdded('a'),
          memberAdded('b'),
          { type: 'IdentifiedPatientDesignated', data: { chartId, clientId: 'a' } },
          { type: 'GroupBillingContactDesignated', data: { chartId, clientId: 'b' } },
        ] as ChartEvent[]);
    });

    it('needs a group name and at least one member', () => {
      spec.given([]).when(group({ name: '  ' })).thenThrows('NameRequired', 'name');
      spec.given([]).when(group({ members: [], identifiedPatientId: null, billingContactId: null })).thenThrows('GroupNeedsAMember', 'members');
    });

    it('refuses the same member twice', () => {
      spec.given([]).when(group({ members: [member('a'), member('a')] })).thenThrows('DuplicateEntry', 'members');
    });

    it('refuses an Identified Patient or Billing Contact who is not a member', () => {
      spec.given([]).when(group({ identifiedPatientId: 'z' })).thenThrows('NotAMember', 'identifiedPatient');
      spec.given([]).when(group({ billingContactId: 'z' })).thenThrows('NotAMember', 'billingContact');
    });
  });

  describe('when the chart exists', () => {
    it('refuses to create a minor or a group chart again', () => {
      spec.given([minorCreated]).when(minor()).thenThrows('ChartAlreadyExists');
      spec.given([groupCreated]).when(group()).thenThrows('ChartAlreadyExists');
    });
  });
});
