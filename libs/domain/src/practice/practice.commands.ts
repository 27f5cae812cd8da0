import type { PracticeRole, PracticeSettings } from '@practice/events';

export interface CreatePractice {
  readonly type: 'CreatePractice';
  readonly practiceId: string;
  readonly name: string;
  readonly ownerUserId: string;
}

export interface RenamePractice {
  readonly type: 'RenamePractice';
  readonly name: string;
}

export interface ChangePracticeSettings {
  readonly type: 'ChangePracticeSettings';
  readonly settings: Partial<PracticeSettings>;
}

/** Who issues a membership command, as the practice stream knows them. */
export interface Actor {
  readonly userId: string;
  readonly role: PracticeRole;
}

export interface InviteMember {
  readonly type: 'InviteMember';
  readonly invitationId: string;
  readonly email: string;
  readonly role: PracticeRole;
  readonly actor: Actor;
  readonly now: string;
}

/** The invitee answers with their login: the application reads their current email from their stream. */
export interface AcceptInvitation {
  readonly type: 'AcceptInvitation';
  readonly invitationId: string;
  readonly userId: string;
  readonly userEmail: string;
  readonly now: string;
}

export interface DeclineInvitation {
  readonly type: 'DeclineInvitation';
  readonly invitationId: string;
  readonly userId: string;
  readonly userEmail: string;
  readonly now: string;
}

export interface RevokeInvitation {
  readonly type: 'RevokeInvitation';
  readonly invitationId: string;
}

export interface ChangeMemberRole {
  readonly type: 'ChangeMemberRole';
  readonly userId: string;
  readonly role: PracticeRole;
  readonly actor: Actor;
}

export interface RemoveMember {
  readonly type: 'RemoveMember';
  readonly userId: string;
  readonly actor: Actor;
}

export interface LeavePractice {
  readonly type: 'LeavePractice';
  readonly userId: string;
}

export type PracticeCommand =
  | CreatePractice
  | RenamePractice
  | ChangePracticeSettings
  | InviteMember
  | AcceptInvitation
  | DeclineInvitation
  | RevokeInvitation
  | ChangeMemberRole
  | RemoveMember
  | LeavePractice;
