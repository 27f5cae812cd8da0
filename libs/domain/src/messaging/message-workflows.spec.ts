import type { DocumentRequested, AppointmentBooked, AppointmentCompleted, AppointmentRescheduled, AppointmentCancelled, AppointmentLateCancelled, AppointmentMarkedNoShow, PortalInvitationSent, PracticeMemberInvited, TimerFired, AppointmentReminderTimer } from '@practice/events';
import { documentRequestEmails, type DocumentSigners, portalInvitationEmails, practiceInvitationEmail, reminderDropped, reminderOnBooking, remindersOnTimer, reminderTimerName, sessionBridgingOnCompletion } from './message-workflows';

const recorded = <E>(event: E, eventId = 'e-1', occurredAt = '2026-03-01T08:00:00.000Z') => ({ event, eventId, occurredAt });
const now = '2026-03-01T08:00:00.000Z';

describe('Practice invitation emails', () => {
  const invited: PracticeMemberInvited = {
    type: 'PracticeMemberInvited',
    data: { practiceId: 'p-1', invitationId: 'i-1', email: 'Bea@Example.com', role: 'clinician', expiresAt: '2026-03-15T00:00:00.000Z' },
  };

  it('given an open invitation, when it is recorded, then one email to the invited address is queued, named by the event', () => {
    expect(practiceInvitationEmail(recorded(invited), { stillOpen: true })).toEqual([
      {
        kind: 'queue',
        name: 'e-1|practice-invitation|bea@example.com',
        message: { kind: 'practice-invitation', practiceId: 'p-1', to: 'Bea@Example.com', refs: { invitationId: 'i-1' }, dueAt: '2026-03-01T08:00:00.000Z' },
      },
    ]);
  });

  it('given an invitation answered, revoked or expired since, when it is replayed, then nothing is sent', () => {
    expect(practiceInvitationEmail(recorded(invited), { stillOpen: false })).toEqual([]);
  });
});

describe('Appointment reminders', () => {
  const booked: AppointmentBooked = { type: 'AppointmentBooked', data: { chartId: 'c-1', appointmentId: 'a-1', start: '2026-03-05T15:00:00.000Z', durationMinutes: 50, practitionerId: 'u-1' } };
  const subject = { practiceId: 'p-1', chartId: 'c-1', appointmentId: 'a-1', appointmentStart: '2026-03-05T15:00:00.000Z' };

  it('given a booking, then the reminder timer is set the lead time before the start', () => {
    expect(reminderOnBooking(recorded(booked), { practiceId: 'p-1', leadHours: 24, now })).toEqual([
      { kind: 'setTimer', name: reminderTimerName('a-1'), dueAt: '2026-03-04T15:00:00.000Z', subject },
    ]);
    expect(reminderOnBooking(recorded(booked), { practiceId: 'p-1', leadHours: 2, now })[0]).toMatchObject({ dueAt: '2026-03-05T13:00:00.000Z' });
  });

  it('given a booking moved to another time, then the same timer is set at the new time (it moves, there is no second one)', () => {
    const moved: AppointmentBooked = { ...booked, data: { ...booked.data, start: '2026-03-06T09:00:00.000Z' } };
    const [first] = reminderOnBooking(recorded(booked), { practiceId: 'p-1', leadHours: 24, now });
    const [second] = reminderOnBooking(recorded(moved, 'e-2'), { practiceId: 'p-1', leadHours: 24, now });
    expect(second).toMatchObject({ kind: 'setTimer', name: (first as { name: string }).name, dueAt: '2026-03-05T09:00:00.000Z' });
  });

  it('given an appointment rescheduled, then its one timer moves to the new time; moved into the past, it is dropped', () => {
    const rescheduled: AppointmentRescheduled = { type: 'AppointmentRescheduled', data: { chartId: 'c-1', appointmentId: 'a-1', start: '2026-03-07T12:00:00.000Z', durationMinutes: 50 } };
    expect(reminderOnBooking(recorded(rescheduled, 'e-3'), { practiceId: 'p-1', leadHours: 24, now })).toEqual([
      { kind: 'setTimer', name: reminderTimerName('a-1'), dueAt: '2026-03-06T12:00:00.000Z', subject: { ...subject, appointmentStart: '2026-03-07T12:00:00.000Z' } },
    ]);
    const past: AppointmentRescheduled = { ...rescheduled, data: { ...rescheduled.data, start: '2026-02-01T12:00:00.000Z' } };
    expect(reminderOnBooking(recorded(past), { practiceId: 'p-1', leadHours: 24, now })).toEqual([{ kind: 'cancelTimer', name: reminderTimerName('a-1'), reason: 'appointment moved into the past' }]);
  });

  it('given an appointment in the past (a replay), then no timer is set', () => {
    expect(reminderOnBooking(recorded(booked), { practiceId: 'p-1', leadHours: 24, now: '2026-03-06T00:00:00.000Z' })).toEqual([]);
  });

  it('given a cancellation, then the timer is dropped', () => {
    const cancelled: AppointmentCancelled = { type: 'AppointmentCancelled', data: { chartId: 'c-1', appointmentId: 'a-1' } };
    expect(reminderDropped(recorded(cancelled))).toEqual([{ kind: 'cancelTimer', name: reminderTimerName('a-1'), reason: 'appointment cancelled' }]);
  });

  it('given a late cancellation or a no-show, then the timer is dropped too', () => {
    const late: AppointmentLateCancelled = { type: 'AppointmentLateCancelled', data: { chartId: 'c-1', appointmentId: 'a-1' } };
    const missed: AppointmentMarkedNoShow = { type: 'AppointmentMarkedNoShow', data: { chartId: 'c-1', appointmentId: 'a-1' } };
    expect(reminderDropped(recorded(late))).toEqual([{ kind: 'cancelTimer', name: reminderTimerName('a-1'), reason: 'appointment late-cancelled' }]);
    expect(reminderDropped(recorded(missed))).toEqual([{ kind: 'cancelTimer', name: reminderTimerName('a-1'), reason: 'appointment marked a no-show' }]);
  });

  describe('when the timer fires', () => {
    const timer: AppointmentReminderTimer = { timerId: 't-1', purpose: 'appointment-reminder', dueAt: '2026-03-04T15:00:00.000Z', ...subject };
    const fired: TimerFired = { type: 'TimerFired', data: { timerId: 't-1', dueAt: timer.dueAt, firedAt: '2026-03-04T15:00:02.000Z' } };
    const audience = {
      clientEmail: 'client@example.com',
      contacts: [
        { email: 'mum@example.com', receivesReminders: true },
        { email: 'dad@example.com', receivesReminders: false },
        { email: null, receivesReminders: true },
      ],
      members: [{ email: 'CLIENT@example.com', receivesReminders: true }],
    };
    const booked = { status: 'booked', start: subject.appointmentStart };

    it('then the client and each contact who receives reminders get one, once each; no email, no reminder', () => {
      const actions = remindersOnTimer(recorded(fired, 'f-1'), timer, { appointment: booked, audience });
      expect(actions.map((a) => (a.kind === 'queue' ? a.message.to : a.kind))).toEqual(['client@example.com', 'mum@example.com']);
      expect(actions[0]).toEqual({
        kind: 'queue',
        name: 'f-1|appointment-reminder|client@example.com',
        message: { kind: 'appointment-reminder', practiceId: 'p-1', to: 'client@example.com', refs: { chartId: 'c-1', appointmentId: 'a-1', appointmentStart: subject.appointmentStart }, dueAt: '2026-03-04T15:00:02.000Z' },
      });
    });

    it('then a client without an email gets none, group members with reminders on do', () => {
      const group = { clientEmail: null, contacts: [], members: [{ email: 'a@example.com', receivesReminders: true }, { email: 'b@example.com', receivesReminders: false }] };
      expect(remindersOnTimer(recorded(fired), timer, { appointment: booked, audience: group }).map((a) => a.kind === 'queue' && a.message.to)).toEqual(['a@example.com']);
    });

    it('then an appointment cancelled, moved or already started sends nothing', () => {
      expect(remindersOnTimer(recorded(fired), timer, { appointment: { status: 'cancelled', start: subject.appointmentStart }, audience })).toEqual([]);
      expect(remindersOnTimer(recorded(fired), timer, { appointment: { status: 'booked', start: '2026-03-09T15:00:00.000Z' }, audience })).toEqual([]);
      const late: TimerFired = { ...fired, data: { ...fired.data, firedAt: '2026-03-05T15:30:00.000Z' } };
      expect(remindersOnTimer(recorded(late), timer, { appointment: booked, audience })).toEqual([]);
      expect(remindersOnTimer(recorded(fired), timer, { appointment: null, audience })).toEqual([]);
    });
  });
});

describe('Client Portal invitation emails', () => {
  const sent: PortalInvitationSent = { type: 'PortalInvitationSent', data: { chartId: 'c-1', email: 'kid@example.com', sentAt: now, resend: false } };
  const facts = { practiceId: 'p-1', stillPending: true, guardianEmails: ['mum@example.com'] };
  const recipients = (minorAccess: 'minor' | 'guardian' | 'both' | 'neither' | null) =>
    portalInvitationEmails(recorded(sent), { ...facts, minorAccess }).map((a) => (a.kind === 'queue' ? a.message.to : ''));

  it('given an adult client, then the client is invited', () => {
    expect(recipients(null)).toEqual(['kid@example.com']);
  });

  it('given a minor, then the minor, the guardian or both, as the portal access says', () => {
    expect(recipients('minor')).toEqual(['kid@example.com']);
    expect(recipients('guardian')).toEqual(['mum@example.com']);
    expect(recipients('both')).toEqual(['kid@example.com', 'mum@example.com']);
    expect(recipients('neither')).toEqual([]);
  });

  it('given the client accepted since, then a replay sends nothing', () => {
    expect(portalInvitationEmails(recorded(sent), { ...facts, minorAccess: null, stillPending: false })).toEqual([]);
  });
});

describe('Session bridging questionnaires', () => {
  const completed: AppointmentCompleted = { type: 'AppointmentCompleted', data: { chartId: 'g-1', appointmentId: 'a-1' } };

  it('given a completed group session, then each member with session bridging on and an email is invited, once', () => {
    const members = [
      { email: 'a@example.com', receivesSessionBridging: true },
      { email: 'b@example.com', receivesSessionBridging: false },
      { email: null, receivesSessionBridging: true },
      { email: 'A@example.com', receivesSessionBridging: true },
    ];
    const actions = sessionBridgingOnCompletion(recorded(completed, 'c-9'), { practiceId: 'p-1', appointmentStart: '2026-03-01T10:00:00.000Z', members });
    expect(actions).toEqual([
      {
        kind: 'queue',
        name: 'c-9|session-bridging|a@example.com',
        message: { kind: 'session-bridging', practiceId: 'p-1', to: 'a@example.com', refs: { chartId: 'g-1', appointmentId: 'a-1', appointmentStart: '2026-03-01T10:00:00.000Z' }, dueAt: '2026-03-01T08:00:00.000Z' },
      },
    ]);
  });

  it('given an individual chart (no members), then nothing is sent', () => {
    expect(sessionBridgingOnCompletion(recorded(completed), { practiceId: 'p-1', appointmentStart: null, members: [] })).toEqual([]);
  });
});

describe('Document request emails', () => {
  const requested: DocumentRequested = {
    type: 'DocumentRequested',
    data: { requestId: 'r-1', practiceId: 'p-1', chartId: 'c-1', title: 'Trauma history questionnaire', message: null },
  };
  const nobody: DocumentSigners = { chartKind: 'individual', clientEmail: null, minorAccess: null, contacts: [], members: [] };
  const recipients = (signers: Partial<DocumentSigners>) =>
    documentRequestEmails(recorded(requested), { stillRequested: true, signers: { ...nobody, ...signers } }).map((a) => (a.kind === 'queue' ? a.message.to : a.kind));

  it('given an individual chart whose client has an email, when paperwork is requested, then the client gets one email, named by the event, without the title', () => {
    expect(documentRequestEmails(recorded(requested, 'd-1'), { stillRequested: true, signers: { ...nobody, clientEmail: 'Ann@Example.com' } })).toEqual([
      {
        kind: 'queue',
        name: 'd-1|document-request|ann@example.com',
        message: { kind: 'document-request', practiceId: 'p-1', to: 'Ann@Example.com', refs: { chartId: 'c-1' }, dueAt: '2026-03-01T08:00:00.000Z' },
      },
    ]);
  });

  it('given an individual chart whose client has no email, then nothing is sent; its contacts do not sign for an adult', () => {
    expect(recipients({ clientEmail: null })).toEqual([]);
    expect(recipients({ clientEmail: null, contacts: [{ email: 'partner@example.com', signsDocuments: true }] })).toEqual([]);
  });

  describe('given a minor chart', () => {
    const contacts = [
      { email: 'mum@example.com', signsDocuments: true },
      { email: 'dad@example.com', signsDocuments: false },
      { email: null, signsDocuments: true },
    ];
    const minor = { chartKind: 'minor' as const, clientEmail: 'kid@example.com', contacts };

    it('then each contact who signs documents and has an email gets one; a contact without the role or without an email gets none', () => {
      expect(recipients({ ...minor, minorAccess: 'guardian' })).toEqual(['mum@example.com']);
    });

    it("then the minor's own email is added when the portal access is minor or both, not when guardian or neither", () => {
      expect(recipients({ ...minor, minorAccess: 'minor' })).toEqual(['mum@example.com', 'kid@example.com']);
      expect(recipients({ ...minor, minorAccess: 'both' })).toEqual(['mum@example.com', 'kid@example.com']);
      expect(recipients({ ...minor, minorAccess: 'guardian' })).toEqual(['mum@example.com']);
      expect(recipients({ ...minor, minorAccess: 'neither' })).toEqual(['mum@example.com']);
      // A minor's chart from before portal access was kept counts as `minor`, as for the portal invitation.
      expect(recipients({ ...minor, minorAccess: null })).toEqual(['mum@example.com', 'kid@example.com']);
      expect(recipients({ ...minor, clientEmail: null, minorAccess: 'both' })).toEqual(['mum@example.com']);
    });

    it('then an address shared by a signer and the minor gets one email', () => {
      expect(recipients({ ...minor, clientEmail: 'MUM@example.com', minorAccess: 'both' })).toEqual(['mum@example.com']);
    });

    it('then nobody who signs: nothing is sent', () => {
      expect(recipients({ ...minor, minorAccess: 'guardian', contacts: [{ email: 'dad@example.com', signsDocuments: false }] })).toEqual([]);
    });
  });

  it('given a group chart, then each member with group portal access and an email gets one, once', () => {
    const members = [
      { email: 'a@example.com', groupPortalAccess: true },
      { email: 'b@example.com', groupPortalAccess: false },
      { email: null, groupPortalAccess: true },
      { email: 'A@example.com', groupPortalAccess: true },
    ];
    expect(recipients({ chartKind: 'group', members })).toEqual(['a@example.com']);
    expect(recipients({ chartKind: 'group', members: [{ email: 'b@example.com', groupPortalAccess: false }] })).toEqual([]);
  });

  it('given a request completed or cancelled before the workflow ran, then nothing is sent', () => {
    expect(documentRequestEmails(recorded(requested), { stillRequested: false, signers: { ...nobody, clientEmail: 'ann@example.com' } })).toEqual([]);
  });

  it('given the same event handled again (a replay), then the same message is named', () => {
    const facts = { stillRequested: true, signers: { ...nobody, chartKind: 'minor' as const, minorAccess: 'both' as const, clientEmail: 'kid@example.com', contacts: [{ email: 'mum@example.com', signsDocuments: true }] } };
    const first = documentRequestEmails(recorded(requested, 'd-7'), facts);
    expect(documentRequestEmails(recorded(requested, 'd-7'), facts)).toEqual(first);
    expect(first.map((a) => a.kind === 'queue' && a.name)).toEqual(['d-7|document-request|mum@example.com', 'd-7|document-request|kid@example.com']);
    expect(documentRequestEmails(recorded(requested, 'd-8'), facts).map((a) => a.kind === 'queue' && a.name)).toEqual(['d-8|document-request|mum@example.com', 'd-8|document-request|kid@example.com']);
  });
});
