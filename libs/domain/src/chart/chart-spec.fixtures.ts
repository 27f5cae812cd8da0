import type { ChartEvent, ContactRoles } from '@practice/events';

/** Shared givens of the chart decider specs. */
export const chartId = 'c-1';
export const practiceId = 'p-1';
export const now = '2024-05-01T12:00:00.000Z';

export const noRoles: ContactRoles = { billing: false, signsDocuments: false, receivesReminders: false, viewsUpcomingAppointments: false };

export const individualCreated: ChartEvent = {
  type: 'ClientCreated',
  data: { chartId, practiceId, kind: 'individual', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
};

export const individualWithoutEmail: ChartEvent = { ...individualCreated, data: { ...individualCreated.data, email: null } } as ChartEvent;

export const minorCreated: ChartEvent = {
  type: 'ClientCreated',
  data: { chartId, practiceId, kind: 'minor', firstName: 'Tim', lastName: 'Jones', email: null },
};

export const contactAdded = (contactId: string, roles: Partial<ContactRoles> = {}, clientId: string | null = null): ChartEvent => ({
  type: 'ChartContactAdded',
  data: { chartId, contactId, firstName: 'Bob', lastName: 'Jones', relationship: null, clientId, roles: { ...noRoles, ...roles } },
});

export const groupCreated: ChartEvent = {
  type: 'GroupChartCreated',
  data: { chartId, practiceId, groupKind: 'couple', name: 'The Smiths' },
};

export const memberAdded = (clientId: string): ChartEvent => ({
  type: 'ChartMemberAdded',
  data: { chartId, clientId, firstName: 'M', lastName: clientId, receivesReminders: true, receivesSessionBridging: false, groupPortalAccess: false },
});

export const invitationSent = (sentAt: string, resend = false): ChartEvent => ({
  type: 'PortalInvitationSent',
  data: { chartId, email: 'ada@example.com', sentAt, resend },
});
