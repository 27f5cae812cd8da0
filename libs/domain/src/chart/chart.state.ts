import { type ChartEvent, emptyClientOverview, type ClientOverview, type LegalSex, type SetupStep, type MinorPortalAccess, type GroupKind, type ContactRoles } from '@practice/events';
import { assertNever } from '../shared/decider';
import { emptyBilling, evolveBilling, type ChartBilling } from './chart-billing.state';

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

export interface GroupMember extends PersonName {
  readonly receivesReminders: boolean;
  readonly receivesSessionBridging: boolean;
  readonly groupPortalAccess: boolean;
}

export interface LinkedContact extends PersonName {
  /** Set when the contact is also a client of the practice. */
  readonly clientId: string | null;
  readonly roles: ContactRoles;
}

export interface Appointment {
  readonly start: string;
  readonly durationMinutes: number;
  readonly practitionerId: string;
  readonly status: 'booked' | 'cancelled' | 'completed' | 'late-cancelled' | 'no-show';
  /** The service and fee it is billed as (appointments booked before billing have neither). */
  readonly service?: { readonly serviceId: string; readonly code: string; readonly name: string };
  readonly fee?: { readonly amount: number; readonly currency: string };
}

export type PortalInvitation = 'none' | 'invited' | 'accepted';

/** Everything an open chart knows. Group-only fields stay empty on individual and minor charts. */
export interface OpenChart extends ClientOverview {
  readonly status: 'open';
  readonly chartId: string;
  readonly practiceId: string;
  readonly kind: 'individual' | 'minor' | 'group';
  readonly name: PersonName;
  readonly legalName: PersonName | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly gender: string | null;
  readonly location: string | null;
  readonly photoRef: string | null;
  readonly pronouns: string | null;
  readonly legalSex: LegalSex | null;
  readonly genderIdentity: string | null;
  readonly setupComplete: boolean;
  readonly setupSteps: readonly SetupStep[];
  readonly active: boolean;
  readonly invitation: PortalInvitation;
  /** Times invitations were sent, newest last: the resend limit counts those of the last hour. */
  readonly invitationsSentAt: readonly string[];
  readonly portalAccess: boolean;
  readonly minorPortalAccess: MinorPortalAccess | null;
  readonly tagIds: readonly string[];
  readonly contacts: Readonly<Record<string, LinkedContact>>;
  /** Group charts this client is a member of: id -> name. */
  readonly groupCharts: Readonly<Record<string, string>>;
  /** Charts this client is a contact on: chart id -> chart name. */
  readonly contactOn: Readonly<Record<string, string>>;
  readonly groupKind: GroupKind | null;
  readonly groupName: string | null;
  readonly members: Readonly<Record<string, GroupMember>>;
  readonly identifiedPatientId: string | null;
  readonly billingMemberId: string | null;
  readonly appointments: Readonly<Record<string, Appointment>>;
  /** ICD-10-CM codes, in order; empty on group charts (they bill on their Identified Patient's). */
  readonly diagnosisCodes: readonly string[];
  readonly billing: ChartBilling;
}

export type ChartState =
  | { readonly status: 'none' }
  | OpenChart
  | { readonly status: 'deleted'; readonly chartId: string; readonly practiceId: string };

const blankChart = (chartId: string, practiceId: string): Omit<OpenChart, 'kind' | 'name' | 'email'> => ({
  status: 'open',
  chartId,
  practiceId,
  legalName: null,
  phone: null,
  gender: null,
  location: null,
  photoRef: null,
  ...emptyClientOverview,
  pronouns: null,
  legalSex: null,
  genderIdentity: null,
  setupComplete: false,
  setupSteps: [],
  active: true,
  invitation: 'none',
  invitationsSentAt: [],
  portalAccess: false,
  minorPortalAccess: null,
  tagIds: [],
  contacts: {},
  groupCharts: {},
  contactOn: {},
  groupKind: null,
  groupName: null,
  members: {},
  identifiedPatientId: null,
  billingMemberId: null,
  appointments: {},
  diagnosisCodes: [],
  billing: emptyBilling,
});

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _removed, ...rest } = record;
  return rest;
};

const evolveOpen = (state: ChartState, change: (chart: OpenChart) => Partial<OpenChart>): ChartState =>
  state.status === 'open' ? { ...state, ...change(state) } : state;

const setAppointment = (chart: OpenChart, id: string, status: Appointment['status']): Partial<OpenChart> =>
  chart.appointments[id] ? { appointments: { ...chart.appointments, [id]: { ...chart.appointments[id], status } } } : {};

export const evolve = (state: ChartState, event: ChartEvent): ChartState => {
  switch (event.type) {
    case 'ClientCreated': {
      const { chartId, practiceId, kind, firstName, lastName, email } = event.data;
      return { ...blankChart(chartId, practiceId), kind, name: { firstName, lastName }, email };
    }
    case 'GroupChartCreated': {
      const { chartId, practiceId, groupKind, name } = event.data;
      return {
        ...blankChart(chartId, practiceId),
        kind: 'group',
        name: { firstName: name, lastName: '' },
        email: null,
        groupKind,
        groupName: name,
        // A group chart has no details of its own: nothing to set up.
        setupComplete: true,
      };
    }
    case 'LegalNameSet':
      return evolveOpen(state, () => ({ legalName: { firstName: event.data.firstName, lastName: event.data.lastName } }));
    case 'LegalNameCleared':
      return evolveOpen(state, () => ({ legalName: null }));
    case 'ClientSetupCompleted':
      return evolveOpen(state, () => ({ setupComplete: true }));
    case 'ClientSetupStepCompleted':
      return evolveOpen(state, (c) => ({ setupSteps: [...c.setupSteps, event.data.step] }));
    case 'ClientProfileEdited': {
      const { firstName, lastName, phone, gender, location } = event.data;
      return evolveOpen(state, () => ({ name: { firstName, lastName }, phone, gender, location }));
    }
    case 'ClientEmailChanged':
      return evolveOpen(state, () => ({ email: event.data.email }));
    case 'ClientPhotoSet':
      return evolveOpen(state, () => ({ photoRef: event.data.photoRef }));
    case 'ClientPhotoRemoved':
      return evolveOpen(state, () => ({ photoRef: null }));
    case 'ClientOverviewEdited': {
      const { chartId: _chartId, ...overview } = event.data;
      return evolveOpen(state, () => overview);
    }
    case 'ClientIdentityEdited': {
      const { pronouns, legalSex, genderIdentity } = event.data;
      return evolveOpen(state, () => ({ pronouns, legalSex, genderIdentity }));
    }
    case 'ClientTagged':
      return evolveOpen(state, (c) => ({ tagIds: [...c.tagIds, event.data.tagId] }));
    case 'ClientUntagged':
      return evolveOpen(state, (c) => ({ tagIds: c.tagIds.filter((t) => t !== event.data.tagId) }));
    case 'PortalInvitationSent':
      return evolveOpen(state, (c) => ({
        invitation: 'invited',
        invitationsSentAt: [...c.invitationsSentAt, event.data.sentAt],
        portalAccess: true,
      }));
    case 'PortalInvitationAccepted':
      return evolveOpen(state, () => ({ invitation: 'accepted' }));
    case 'ClientPortalAccessSet':
      return evolveOpen(state, () => ({ portalAccess: event.data.enabled }));
    case 'MinorPortalAccessSet':
      return evolveOpen(state, () => ({ minorPortalAccess: event.data.access }));
    case 'ClientDeactivated':
      return evolveOpen(state, () => ({ active: false }));
    case 'ClientReactivated':
      return evolveOpen(state, () => ({ active: true }));
    case 'ClientDeleted':
      return state.status === 'open' ? { status: 'deleted', chartId: state.chartId, practiceId: state.practiceId } : state;
    case 'ChartMemberAdded': {
      const { chartId: _c, clientId, ...member } = event.data;
      return evolveOpen(state, (c) => ({ members: { ...c.members, [clientId]: member } }));
    }
    case 'ChartMemberSettingsChanged': {
      const { clientId, receivesReminders, receivesSessionBridging, groupPortalAccess } = event.data;
      return evolveOpen(state, (c) =>
        c.members[clientId]
          ? { members: { ...c.members, [clientId]: { ...c.members[clientId], receivesReminders, receivesSessionBridging, groupPortalAccess } } }
          : {},
      );
    }
    case 'ChartMemberRemoved': {
      const { clientId } = event.data;
      // A removed member is no longer the Identified Patient or the Billing Contact of the chart.
      return evolveOpen(state, (c) => ({
        members: without(c.members, clientId),
        identifiedPatientId: c.identifiedPatientId === clientId ? null : c.identifiedPatientId,
        billingMemberId: c.billingMemberId === clientId ? null : c.billingMemberId,
      }));
    }
    case 'IdentifiedPatientDesignated':
      return evolveOpen(state, () => ({ identifiedPatientId: event.data.clientId }));
    case 'GroupBillingContactDesignated':
      return evolveOpen(state, () => ({ billingMemberId: event.data.clientId }));
    case 'ClientJoinedGroupChart':
      return evolveOpen(state, (c) => ({ groupCharts: { ...c.groupCharts, [event.data.groupChartId]: event.data.groupName } }));
    case 'ClientLeftGroupChart':
      return evolveOpen(state, (c) => ({ groupCharts: without(c.groupCharts, event.data.groupChartId) }));
    case 'ChartContactAdded': {
      const { contactId, firstName, lastName, roles, clientId } = event.data;
      return evolveOpen(state, (c) => ({ contacts: { ...c.contacts, [contactId]: { firstName, lastName, roles, clientId } } }));
    }
    case 'ChartContactRolesChanged': {
      const { contactId, roles } = event.data;
      return evolveOpen(state, (c) =>
        c.contacts[contactId] ? { contacts: { ...c.contacts, [contactId]: { ...c.contacts[contactId], roles } } } : {},
      );
    }
    case 'ChartContactRemoved':
      return evolveOpen(state, (c) => ({ contacts: without(c.contacts, event.data.contactId) }));
    case 'ClientBecameContact':
      return evolveOpen(state, (c) => ({ contactOn: { ...c.contactOn, [event.data.onChartId]: event.data.onChartName } }));
    case 'ClientCeasedToBeContact':
      return evolveOpen(state, (c) => ({ contactOn: without(c.contactOn, event.data.onChartId) }));
    case 'AppointmentBooked': {
      const { appointmentId, start, durationMinutes, practitionerId, service, fee } = event.data;
      const billed = { ...(service ? { service } : {}), ...(fee ? { fee } : {}) };
      return evolveOpen(state, (c) => ({
        appointments: { ...c.appointments, [appointmentId]: { start, durationMinutes, practitionerId, status: 'booked', ...billed } },
      }));
    }
    case 'AppointmentCancelled':
      return evolveOpen(state, (c) => setAppointment(c, event.data.appointmentId, 'cancelled'));
    case 'AppointmentCompleted':
      return evolveOpen(state, (c) => setAppointment(c, event.data.appointmentId, 'completed'));
    case 'AppointmentRescheduled': {
      const { appointmentId, start, durationMinutes } = event.data;
      return evolveOpen(state, (c) =>
        c.appointments[appointmentId] ? { appointments: { ...c.appointments, [appointmentId]: { ...c.appointments[appointmentId], start, durationMinutes } } } : {},
      );
    }
    case 'DiagnosisCodesSet':
      return evolveOpen(state, () => ({ diagnosisCodes: event.data.codes }));
    case 'AppointmentLateCancelled':
      return evolveOpen(state, (c) => setAppointment(c, event.data.appointmentId, 'late-cancelled'));
    case 'AppointmentMarkedNoShow':
      return evolveOpen(state, (c) => setAppointment(c, event.data.appointmentId, 'no-show'));
    case 'ClientBillingSettingsSet':
    case 'InsurancePolicyAdded':
    case 'InsurancePolicyChanged':
    case 'InsurancePolicyRemoved':
    case 'ChargeRecorded':
    case 'PaymentRecorded':
    case 'PaymentRefunded':
      return evolveOpen(state, (c) => ({ billing: evolveBilling(c.billing, event) }));
    default:
      return assertNever(event);
  }
};

export const initialState = (): ChartState => ({ status: 'none' });

export const displayNameOf = (chart: OpenChart): string =>
  chart.kind === 'group' ? chart.groupName ?? '' : `${chart.name.firstName} ${chart.name.lastName}`;
