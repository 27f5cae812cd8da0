import { commandEnvelope } from './command-envelope';
import { AGGREGATES, StreamCommand, type GenericCommand } from './stream-command';

const envelope = commandEnvelope({ commandType: 'X', actorUserId: 'u1', practiceId: 'p1' });
const ids = { chartId: 'c1', practiceId: 'p1' };

describe('the generic command path', () => {
  it('routes each aggregate to its own stream', () => {
    expect(AGGREGATES.chart.stream('c1')).toBe('chart-c1');
    expect(AGGREGATES.practice.stream('p1')).toBe('practice-p1');
    expect(AGGREGATES.user.stream('u1')).toBe('user-u1');
    expect(AGGREGATES.contact.stream('k1')).toBe('contact-k1');
  });

  it('carries the commands of its allow-list', () => {
    const deactivate: GenericCommand<'chart'> = { type: 'DeactivateClient', ...ids };
    expect(new StreamCommand(envelope, 'chart', 'c1', deactivate).command.type).toBe('DeactivateClient');
  });

  // Type-level: these lines compile only because each one is an error. A command that needs lookups or
  // other streams has its own handler; the generic path refuses it at compile time, not by convention.
  it('refuses, at compile time, every command that needs lookups or other streams', () => {
    // @ts-expect-error DeleteClient releases the email and updates linked charts: DeleteClientHandler
    new StreamCommand(envelope, 'chart', 'c1', { type: 'DeleteClient', ...ids });
    // @ts-expect-error TagClient looks the tag up in the catalogue: TagClientHandler
    new StreamCommand(envelope, 'chart', 'c1', { type: 'TagClient', ...ids, tagId: 't1', tagDefined: true });
    const book = { type: 'BookAppointment', ...ids, appointmentId: 'a1', start: '2030-01-01T09:00:00.000Z', durationMinutes: 50, practitionerId: 'u1', practitionerIsMember: true } as const;
    // @ts-expect-error BookAppointment checks the practitioner's membership: BookAppointmentHandler
    new StreamCommand(envelope, 'chart', 'c1', book);
    // @ts-expect-error EditClientProfile claims and releases the email: EditClientProfileHandler
    new StreamCommand(envelope, 'chart', 'c1', { type: 'EditClientProfile', ...ids, now: '', firstName: 'A', lastName: 'B', email: null, phone: null, gender: null, location: null });
    // @ts-expect-error ChangeEmail claims the login email: ChangeEmailHandler
    new StreamCommand(envelope, 'user', 'u1', { type: 'ChangeEmail', email: 'a@example.com' });
    // @ts-expect-error AcceptInvitation finds the practice from the invitation: AnswerInvitationHandler
    new StreamCommand(envelope, 'practice', 'p1', { type: 'AcceptInvitation', invitationId: 'i1', userId: 'u1', email: 'a@example.com', now: '' });
    expect(true).toBe(true);
  });
});
