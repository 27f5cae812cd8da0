import type { AppOptions } from '../../apps/command-api/src/bootstrap/create-app';
import { createdPractice, newDataDir, signedInUser, startTestApp, type TestApp } from './test-app';

type Auth = { Authorization: string };
export type Role = 'owner' | 'admin' | 'clinician' | 'biller' | 'scheduler';
export type StaffRole = Exclude<Role, 'owner'>;
export interface SessionUser {
  readonly userId: string;
  readonly auth: Auth;
  readonly email: string;
}

export interface PracticeSessionOptions {
  /** The owner's first name. */
  readonly owner?: string;
  /** The practice's name. */
  readonly practice?: string;
  readonly dataDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly appOptions?: AppOptions;
}

/** A running app, its owner signed in, the owner's practice, and members to add to it. */
export interface PracticeSession extends SessionUser {
  readonly app: TestApp;
  readonly practiceId: string;
  /** A signed-in user who joined the practice with `role` (invited by the owner, accepted). */
  member(role: StaffRole, name?: string): Promise<SessionUser>;
  /** Every role of the practice but the owner's, signed in. */
  staff(): Promise<Record<StaffRole, Auth>>;
}

const capitalized = (word: string): string => word[0].toUpperCase() + word.slice(1);

/** A signed-in user who joined `practiceId` with `role`, invited by `ownerAuth`. */
export const memberWithRole = async (app: TestApp, practiceId: string, ownerAuth: Auth, role: StaffRole, name = capitalized(role)): Promise<SessionUser> => {
  const user = await signedInUser(app, name);
  const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(ownerAuth).send({ email: user.email, role });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status}`);
  const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(user.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
  return user;
};

/** Every role of a practice but the owner's, signed in. */
export const staffOf = async (app: TestApp, practiceId: string, ownerAuth: Auth): Promise<Record<StaffRole, Auth>> => {
  const roles = ['admin', 'clinician', 'biller', 'scheduler'] as const;
  const members = await Promise.all(roles.map((role) => memberWithRole(app, practiceId, ownerAuth, role)));
  return Object.fromEntries(roles.map((role, i) => [role, members[i].auth])) as Record<StaffRole, Auth>;
};

/** The setup most e2e specs share: start the app, sign up and in an owner, create their practice. */
export const practiceSession = async (options: PracticeSessionOptions = {}): Promise<PracticeSession> => {
  const app = await startTestApp(options.dataDir ?? newDataDir(), options.env, options.appOptions);
  const owner = await signedInUser(app, options.owner);
  const practiceId = await createdPractice(app, owner.auth, options.practice);
  const member = (role: StaffRole, name?: string) => memberWithRole(app, practiceId, owner.auth, role, name);
  return { app, ...owner, practiceId, member, staff: () => staffOf(app, practiceId, owner.auth) };
};
