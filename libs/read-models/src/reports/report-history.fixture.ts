import type { DomainEvent, RecordedEvent } from '@practice/events';

/** A practice's history for the report specs: clients, an appointment kept and one cancelled, tags, statuses. */
export const P = 'p-1';

/** Events at given times, with increasing positions, in practice P. */
export const at = (from: number, events: readonly (DomainEvent & { at: string })[]): RecordedEvent[] =>
  events.map(({ at: occurredAt, ...event }, index) => ({
    ...event,
    streamId: `s-${from + index}`,
    revision: 0,
    position: from + index,
    metadata: { eventId: `e-${from + index}`, schemaVersion: 1, occurredAt, actorUserId: 'u', practiceId: P, correlationId: 'c', causationId: null, commandType: 'Test' },
  }));

const client = (chartId: string, when: string) => ({ type: 'ClientCreated', at: when, data: { chartId, practiceId: P, kind: 'individual', firstName: 'A', lastName: chartId, email: null } });

export const history = at(0, [
  { type: 'PracticeCreated', at: '2026-01-01T09:00:00.000Z', data: { practiceId: P, name: 'Calm', createdBy: 'u' } },
  { type: 'PracticeSettingsChanged', at: '2026-01-01T09:00:01.000Z', data: { practiceId: P, settings: { requestClientLegalSexDesignation: true, timeZone: 'America/New_York' } } },
  // 2026-01-05T02:00Z is still Sunday 4 January in New York: the period follows the practice's zone.
  client('c-1', '2026-01-05T02:00:00.000Z'),
  client('c-2', '2026-01-05T15:00:00.000Z'),
  { type: 'ClientIdentityEdited', at: '2026-01-05T15:01:00.000Z', data: { chartId: 'c-2', pronouns: 'she/her', legalSex: 'female', genderIdentity: 'woman' } },
  { type: 'AppointmentBooked', at: '2026-01-05T16:00:00.000Z', data: { chartId: 'c-1', appointmentId: 'a-1', start: '2026-02-02T15:00:00.000Z', durationMinutes: 50, practitionerId: 'u-9' } },
  { type: 'AppointmentBooked', at: '2026-01-05T16:00:01.000Z', data: { chartId: 'c-1', appointmentId: 'a-2', start: '2026-02-03T15:00:00.000Z', durationMinutes: 50, practitionerId: 'u-9' } },
  { type: 'AppointmentCompleted', at: '2026-02-02T16:00:00.000Z', data: { chartId: 'c-1', appointmentId: 'a-1' } },
  { type: 'AppointmentCancelled', at: '2026-02-03T10:00:00.000Z', data: { chartId: 'c-1', appointmentId: 'a-2' } },
  { type: 'AppointmentBooked', at: '2026-02-03T10:00:00.500Z', data: { chartId: 'c-1', appointmentId: 'a-3', start: '2026-02-24T15:00:00.000Z', durationMinutes: 50, practitionerId: 'u-9' } },
  { type: 'AppointmentMarkedNoShow', at: '2026-02-24T17:00:00.000Z', data: { chartId: 'c-1', appointmentId: 'a-3' } },
  { type: 'ClientTagged', at: '2026-02-03T10:00:01.000Z', data: { chartId: 'c-2', tagId: 't-1' } },
  { type: 'PortalInvitationSent', at: '2026-02-10T10:00:00.000Z', data: { chartId: 'c-2', email: 'x@example.com', sentAt: '2026-02-10T10:00:00.000Z' } },
  { type: 'ClientSetupCompleted', at: '2026-02-11T10:00:00.000Z', data: { chartId: 'c-1' } },
  { type: 'ClientDeactivated', at: '2026-03-01T17:00:00.000Z', data: { chartId: 'c-1' } },
]);

