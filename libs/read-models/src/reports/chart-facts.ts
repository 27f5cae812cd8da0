import type {
  AppointmentBooked,
  ClientCreated,
  ClientIdentityEdited,
  ClientOverviewEdited,
  ClientTagged,
  ClientUntagged,
  GroupChartCreated,
  RecordedEvent,
} from '@practice/events';
import type { EventContext } from '../projection';
import { needsAttentionProjection, type NeedsAttentionDocument } from '../needs-attention/needs-attention.projection';
import type { AppointmentReportStatus, ReportChartDocument } from './report.document';

type Facts = ReportChartDocument | null;
type Handler = (facts: Facts, event: RecordedEvent, id: string) => Facts;

const change = (patch: (facts: ReportChartDocument, event: RecordedEvent) => Partial<ReportChartDocument>): Handler => (facts, event) =>
  facts === null ? null : { ...facts, ...patch(facts, event) };

const setAppointmentStatus = (status: AppointmentReportStatus): Handler =>
  change((facts, event) => {
    const { appointmentId } = event.data as { appointmentId: string };
    const appointment = facts.appointments[appointmentId];
    return appointment === undefined ? {} : { appointments: { ...facts.appointments, [appointmentId]: { ...appointment, status } } };
  });

const created = (event: RecordedEvent, id: string, practiceId: string, chartKind: ReportChartDocument['chartKind']): ReportChartDocument => ({
  _id: id,
  kind: 'chart',
  practiceId,
  chartKind,
  createdAt: event.metadata.occurredAt,
  active: true,
  invitation: 'none',
  tagIds: [],
  birthMonth: null,
  genderIdentity: null,
  pronouns: null,
  legalSex: null,
  appointments: {},
  problems: [],
  needsAttentionFacts: { kind: chartKind, setupComplete: chartKind === 'group', billingContactIds: [], identifiedPatientId: null, billingMemberId: null },
});

/** The chart's facts of its own (everything but Needs Attention) after an event. */
const ownHandlers: Readonly<Record<string, Handler>> = {
  ClientCreated: (_facts, event, id) => {
    const { practiceId, kind } = (event as RecordedEvent & ClientCreated).data;
    return created(event, id, practiceId, kind);
  },
  GroupChartCreated: (_facts, event, id) => created(event, id, (event as RecordedEvent & GroupChartCreated).data.practiceId, 'group'),
  PortalInvitationSent: change(() => ({ invitation: 'invited' })),
  PortalInvitationAccepted: change(() => ({ invitation: 'accepted' })),
  ClientDeactivated: change(() => ({ active: false })),
  ClientReactivated: change(() => ({ active: true })),
  ClientTagged: change((facts, event) => {
    const { tagId } = (event as RecordedEvent & ClientTagged).data;
    return { tagIds: [...facts.tagIds.filter((t) => t !== tagId), tagId] };
  }),
  ClientUntagged: change((facts, event) => ({ tagIds: facts.tagIds.filter((t) => t !== (event as RecordedEvent & ClientUntagged).data.tagId) })),
  ClientOverviewEdited: change((_facts, event) => ({ birthMonth: (event as RecordedEvent & ClientOverviewEdited).data.dateOfBirth?.slice(0, 7) ?? null })),
  ClientIdentityEdited: change((_facts, event) => {
    const { genderIdentity, pronouns, legalSex } = (event as RecordedEvent & ClientIdentityEdited).data;
    return { genderIdentity, pronouns, legalSex };
  }),
  AppointmentBooked: change((facts, event) => {
    const { appointmentId, practitionerId, start } = (event as RecordedEvent & AppointmentBooked).data;
    return { appointments: { ...facts.appointments, [appointmentId]: { practitionerId, start, status: 'booked' } } };
  }),
  AppointmentCancelled: setAppointmentStatus('cancelled'),
  AppointmentCompleted: setAppointmentStatus('completed'),
  AppointmentLateCancelled: setAppointmentStatus('late-cancelled'),
  AppointmentMarkedNoShow: setAppointmentStatus('no-show'),
  ClientDeleted: () => null,
};

const needsAttentionTypes: ReadonlySet<string> = new Set(needsAttentionProjection.eventTypes);
const NO_CONTEXT: EventContext = new Map();

/** The Needs Attention problems, by the needs_attention projection itself (one definition of them). */
const withProblems = (before: Facts, after: Facts, event: RecordedEvent, id: string): Facts => {
  if (after === null || !needsAttentionTypes.has(event.type)) return after;
  const previous: NeedsAttentionDocument | null =
    before === null ? null : { _id: id, practiceId: before.practiceId, chartId: id, clientName: '', facts: before.needsAttentionFacts, problems: before.problems };
  const next = needsAttentionProjection.apply(previous, event, id, NO_CONTEXT);
  return next === null ? after : { ...after, needsAttentionFacts: next.facts, problems: next.problems };
};

/** Every event type that changes a chart's report facts. */
export const chartFactEventTypes: readonly string[] = [...new Set([...Object.keys(ownHandlers), ...needsAttentionProjection.eventTypes])];

/** The chart's report facts after an event (pure). */
export const evolveChartFacts = (before: Facts, event: RecordedEvent, id: string): Facts => {
  const handler = ownHandlers[event.type];
  const after = handler ? handler(before, event, id) : before;
  return withProblems(before, after, event, id);
};
