import type { PracticeEvent, PracticeRole, PracticeSettings } from '@practice/events';
import { assertNever } from '../shared/decider';

export interface Membership {
  readonly userId: string;
  readonly role: PracticeRole;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

export interface Invitation {
  readonly invitationId: string;
  readonly email: string;
  readonly role: PracticeRole;
  readonly expiresAt: string;
  readonly status: InvitationStatus;
}

export interface ActivePractice {
  readonly status: 'active';
  readonly practiceId: string;
  readonly name: string;
  readonly settings: PracticeSettings;
  readonly members: Readonly<Record<string, Membership>>;
  readonly invitations: Readonly<Record<string, Invitation>>;
}

export type PracticeState = { readonly status: 'none' } | ActivePractice;

/** A new practice's portal intake asks for the legal sex until the practice turns it off (the seed). */
export const defaultPracticeSettings: PracticeSettings = { requestClientLegalSexDesignation: true };

export const initialState = (): PracticeState => ({ status: 'none' });

const active = (state: PracticeState, change: (practice: ActivePractice) => ActivePractice): PracticeState =>
  state.status === 'active' ? change(state) : state;

const withInvitationStatus = (practice: ActivePractice, invitationId: string, status: InvitationStatus): ActivePractice => {
  const invitation = practice.invitations[invitationId];
  if (!invitation) return practice;
  return { ...practice, invitations: { ...practice.invitations, [invitationId]: { ...invitation, status } } };
};

const withMember = (practice: ActivePractice, userId: string, role: PracticeRole): ActivePractice => ({
  ...practice,
  members: { ...practice.members, [userId]: { userId, role } },
});

export const evolve = (state: PracticeState, event: PracticeEvent): PracticeState => {
  switch (event.type) {
    case 'PracticeCreated':
      return {
        status: 'active',
        practiceId: event.data.practiceId,
        name: event.data.name,
        settings: defaultPracticeSettings,
        members: {},
        invitations: {},
      };
    case 'PracticeMemberAdded':
    case 'PracticeMemberRoleChanged':
      return active(state, (p) => withMember(p, event.data.userId, event.data.role));
    case 'PracticeMemberRemoved':
      return active(state, (p) => {
        const { [event.data.userId]: _removed, ...members } = p.members;
        return { ...p, members };
      });
    case 'PracticeRenamed':
      return active(state, (p) => ({ ...p, name: event.data.name }));
    case 'PracticeSettingsChanged':
      return active(state, (p) => ({ ...p, settings: event.data.settings }));
    case 'PracticeMemberInvited': {
      const { invitationId, email, role, expiresAt } = event.data;
      return active(state, (p) => ({
        ...p,
        invitations: { ...p.invitations, [invitationId]: { invitationId, email, role, expiresAt, status: 'pending' } },
      }));
    }
    case 'PracticeInvitationAccepted':
      return active(state, (p) => withInvitationStatus(p, event.data.invitationId, 'accepted'));
    case 'PracticeInvitationDeclined':
      return active(state, (p) => withInvitationStatus(p, event.data.invitationId, 'declined'));
    case 'PracticeInvitationRevoked':
      return active(state, (p) => withInvitationStatus(p, event.data.invitationId, 'revoked'));
    default:
      return assertNever(event);
  }
};

export const ownerCount = (practice: ActivePractice): number =>
  Object.values(practice.members).filter((member) => member.role === 'owner').length;
