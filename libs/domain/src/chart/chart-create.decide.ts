import type { ChartEvent, ChartMemberAdded, ChartContactAdded } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import { assertEmailAddress } from '../shared/email-address';
import { assertPersonName } from '../shared/person-name';
import { optionalText } from '../shared/optional-text';
import type { CreateClient, CreateGroupChart, CreateMinorClient, NewChartContact, NewGroupMember } from './chart.commands';
import type { ChartState } from './chart.state';
import { characterCount } from '../shared/unicode-text';

const assertNew = (state: ChartState): void => {
  if (state.status !== 'none') throw new DomainError('ChartAlreadyExists', 'conflict', 'A chart with this id already exists');
};

const assertDistinct = (ids: readonly string[], field: string, what: string): void => {
  if (new Set(ids).size !== ids.length) throw invalid('DuplicateEntry', field, `lists the same ${what} twice`);
};

export const memberAdded = (chartId: string, member: NewGroupMember, field: string): ChartMemberAdded => ({
  type: 'ChartMemberAdded',
  data: {
    chartId,
    clientId: member.clientId,
    firstName: assertPersonName(member.firstName, `${field}.firstName`),
    lastName: assertPersonName(member.lastName, `${field}.lastName`),
    receivesReminders: member.receivesReminders,
    receivesSessionBridging: member.receivesSessionBridging,
    groupPortalAccess: member.groupPortalAccess,
  },
});

export const contactAdded = (chartId: string, contact: NewChartContact, field: string): ChartContactAdded => ({
  type: 'ChartContactAdded',
  data: {
    chartId,
    contactId: contact.contactId,
    firstName: assertPersonName(contact.firstName, `${field}.firstName`),
    lastName: assertPersonName(contact.lastName, `${field}.lastName`),
    relationship: optionalText(contact.relationship, `${field}.relationship`, 100),
    clientId: contact.clientId,
    roles: contact.roles,
  },
});

/** An individual client: only a first and last name are required. */
export const createClient = (command: CreateClient, state: ChartState): ChartEvent[] => {
  assertNew(state);
  const { chartId, practiceId, joinGroup } = command;
  return [
    {
      type: 'ClientCreated',
      data: {
        chartId,
        practiceId,
        kind: 'individual',
        firstName: assertPersonName(command.firstName, 'firstName'),
        lastName: assertPersonName(command.lastName, 'lastName'),
        email: command.email === null ? null : assertEmailAddress(command.email),
      },
    },
    ...(joinGroup
      ? [{ type: 'ClientJoinedGroupChart' as const, data: { chartId, groupChartId: joinGroup.groupChartId, groupName: joinGroup.groupName } }]
      : []),
  ];
};

/** A minor: at least one contact (a parent or guardian), and who may use the portal. */
export const createMinorClient = (command: CreateMinorClient, state: ChartState): ChartEvent[] => {
  assertNew(state);
  const { chartId, practiceId, contacts } = command;
  if (contacts.length === 0) throw invalid('MinorNeedsAContact', 'contacts', 'a minor needs at least one contact (a parent or guardian)');
  assertDistinct(contacts.map((c) => c.contactId), 'contacts', 'contact');
  const created: ChartEvent = {
    type: 'ClientCreated',
    data: {
      chartId,
      practiceId,
      kind: 'minor',
      firstName: assertPersonName(command.firstName, 'firstName'),
      lastName: assertPersonName(command.lastName, 'lastName'),
      email: command.email === null ? null : assertEmailAddress(command.email),
    },
  };
  return [
    created,
    ...contacts.map((contact, i) => contactAdded(chartId, contact, `contacts.${i}`)),
    { type: 'MinorPortalAccessSet', data: { chartId, access: command.portalAccess } },
  ];
};

const assertGroupName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw invalid('NameRequired', 'name', 'must not be empty');
  if (characterCount(trimmed) > 200) throw invalid('NameTooLong', 'name', 'must be at most 200 characters');
  return trimmed;
};

/** A couple / family / conjoint chart; Identified Patient and Billing Contact must be members. */
export const createGroupChart = (command: CreateGroupChart, state: ChartState): ChartEvent[] => {
  assertNew(state);
  const { chartId, practiceId, members, identifiedPatientId, billingContactId } = command;
  const name = assertGroupName(command.name);
  if (members.length === 0) throw invalid('GroupNeedsAMember', 'members', 'a group chart needs at least one member');
  const memberIds = members.map((m) => m.clientId);
  assertDistinct(memberIds, 'members', 'client');
  if (identifiedPatientId !== null && !memberIds.includes(identifiedPatientId)) {
    throw invalid('NotAMember', 'identifiedPatient', 'must be one of the members');
  }
  if (billingContactId !== null && !memberIds.includes(billingContactId)) {
    throw invalid('NotAMember', 'billingContact', 'must be one of the members');
  }
  return [
    { type: 'GroupChartCreated', data: { chartId, practiceId, groupKind: command.groupKind, name } },
    ...members.map((member, i) => memberAdded(chartId, member, `members.${i}`)),
    ...(identifiedPatientId !== null
      ? [{ type: 'IdentifiedPatientDesignated' as const, data: { chartId, clientId: identifiedPatientId } }]
      : []),
    ...(billingContactId !== null
      ? [{ type: 'GroupBillingContactDesignated' as const, data: { chartId, clientId: billingContactId } }]
      : []),
  ];
};
