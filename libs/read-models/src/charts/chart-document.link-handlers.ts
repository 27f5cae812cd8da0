import type { ChartMemberAdded, ChartMemberRemoved, ChartMemberSettingsChanged, ClientJoinedGroupChart, ClientLeftGroupChart, GroupBillingContactDesignated, IdentifiedPatientDesignated, ChartContactAdded, ChartContactRemoved, ChartContactRolesChanged, ClientBecameContact, ClientCeasedToBeContact, AppointmentBooked, RecordedEvent } from '@practice/events';
import type { EventHandlers } from '../projection';
import { change, dataOf } from './chart-document.base';
import type { AppointmentView, ChartDocument } from './chart.document';

type Group = NonNullable<ChartDocument['group']>;

const changeGroup = (doc: ChartDocument | null, event: RecordedEvent, patch: (group: Group) => Partial<Group>) =>
  change(doc, event, (d) => (d.group === null ? {} : { group: { ...d.group, ...patch(d.group) } }));

const setAppointmentStatus = (status: AppointmentView['status']) => (doc: ChartDocument | null, event: RecordedEvent) => {
  const { appointmentId } = dataOf<{ appointmentId: string }>(event);
  return change(doc, event, (d) => ({ appointments: d.appointments.map((a) => (a.appointmentId === appointmentId ? { ...a, status } : a)) }));
};

/** Members, contacts, links to other charts and appointments of the chart document. */
export const linkHandlers: EventHandlers<ChartDocument> = {
  ChartMemberAdded: (doc, event) => {
    const { chartId: _c, ...member } = dataOf<ChartMemberAdded['data']>(event);
    return changeGroup(doc, event, (g) => ({ members: [...g.members.filter((m) => m.clientId !== member.clientId), member] }));
  },
  ChartMemberRemoved: (doc, event) => {
    const { clientId } = dataOf<ChartMemberRemoved['data']>(event);
    return changeGroup(doc, event, (g) => ({
      members: g.members.filter((m) => m.clientId !== clientId),
      identifiedPatientId: g.identifiedPatientId === clientId ? null : g.identifiedPatientId,
      billingContactId: g.billingContactId === clientId ? null : g.billingContactId,
    }));
  },
  ChartMemberSettingsChanged: (doc, event) => {
    const { chartId: _c, clientId, ...settings } = dataOf<ChartMemberSettingsChanged['data']>(event);
    return changeGroup(doc, event, (g) => ({ members: g.members.map((m) => (m.clientId === clientId ? { ...m, ...settings } : m)) }));
  },
  IdentifiedPatientDesignated: (doc, event) =>
    changeGroup(doc, event, () => ({ identifiedPatientId: dataOf<IdentifiedPatientDesignated['data']>(event).clientId })),
  GroupBillingContactDesignated: (doc, event) =>
    changeGroup(doc, event, () => ({ billingContactId: dataOf<GroupBillingContactDesignated['data']>(event).clientId })),
  ClientJoinedGroupChart: (doc, event) => {
    const { groupChartId, groupName } = dataOf<ClientJoinedGroupChart['data']>(event);
    return change(doc, event, (d) => ({ memberOf: [...d.memberOf.filter((g) => g.chartId !== groupChartId), { chartId: groupChartId, name: groupName }] }));
  },
  ClientLeftGroupChart: (doc, event) => {
    const { groupChartId } = dataOf<ClientLeftGroupChart['data']>(event);
    return change(doc, event, (d) => ({ memberOf: d.memberOf.filter((g) => g.chartId !== groupChartId) }));
  },
  ChartContactAdded: (doc, event) => {
    const { chartId: _c, ...contact } = dataOf<ChartContactAdded['data']>(event);
    return change(doc, event, (d) => ({ contacts: [...d.contacts.filter((c) => c.contactId !== contact.contactId), contact] }));
  },
  ChartContactRolesChanged: (doc, event) => {
    const { contactId, roles } = dataOf<ChartContactRolesChanged['data']>(event);
    return change(doc, event, (d) => ({ contacts: d.contacts.map((c) => (c.contactId === contactId ? { ...c, roles } : c)) }));
  },
  ChartContactRemoved: (doc, event) => {
    const { contactId } = dataOf<ChartContactRemoved['data']>(event);
    return change(doc, event, (d) => ({ contacts: d.contacts.filter((c) => c.contactId !== contactId) }));
  },
  ClientBecameContact: (doc, event) => {
    const { onChartId, onChartName } = dataOf<ClientBecameContact['data']>(event);
    return change(doc, event, (d) => ({ contactOn: [...d.contactOn.filter((c) => c.chartId !== onChartId), { chartId: onChartId, name: onChartName }] }));
  },
  ClientCeasedToBeContact: (doc, event) => {
    const { onChartId } = dataOf<ClientCeasedToBeContact['data']>(event);
    return change(doc, event, (d) => ({ contactOn: d.contactOn.filter((c) => c.chartId !== onChartId) }));
  },
  AppointmentBooked: (doc, event) => {
    const { chartId: _c, ...appointment } = dataOf<AppointmentBooked['data']>(event);
    return change(doc, event, (d) => ({
      appointments: [...d.appointments.filter((a) => a.appointmentId !== appointment.appointmentId), { ...appointment, status: 'booked' as const }],
    }));
  },
  AppointmentCancelled: setAppointmentStatus('cancelled'),
  AppointmentCompleted: setAppointmentStatus('completed'),
  AppointmentLateCancelled: setAppointmentStatus('late-cancelled'),
  AppointmentMarkedNoShow: setAppointmentStatus('no-show'),
  AppointmentRescheduled: (doc, event) => {
    const { appointmentId, start, durationMinutes } = dataOf<{ appointmentId: string; start: string; durationMinutes: number }>(event);
    return change(doc, event, (d) => ({ appointments: d.appointments.map((a) => (a.appointmentId === appointmentId ? { ...a, start, durationMinutes } : a)) }));
  },
};
