import { signedInUser, type TestApp } from './test-app';

type Auth = { Authorization: string };
export type Role = 'owner' | 'admin' | 'clinician' | 'biller' | 'scheduler';

/** A signed-in user who joined the practice with `role` (invited by the owner, accepted). */
export const memberWithRole = async (app: TestApp, practiceId: string, ownerAuth: Auth, role: Exclude<Role, 'owner'>): Promise<{ userId: string; auth: Auth }> => {
  const user = await signedInUser(app, role[0].toUpperCase() + role.slice(1));
  const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(ownerAuth).send({ email: user.email, role });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status}`);
  const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(user.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
  return { userId: user.userId, auth: user.auth };
};

/** Every role of a practice but the owner's, signed in. */
export const staffOf = async (app: TestApp, practiceId: string, ownerAuth: Auth): Promise<Record<Exclude<Role, 'owner'>, Auth>> => {
  const roles = ['admin', 'clinician', 'biller', 'scheduler'] as const;
  const members = await Promise.all(roles.map((role) => memberWithRole(app, practiceId, ownerAuth, role)));
  return Object.fromEntries(roles.map((role, i) => [role, members[i].auth])) as Record<Exclude<Role, 'owner'>, Auth>;
};

export const psychotherapy = { name: 'Psychotherapy, 60 min', code: '90837', durationMinutes: 60, rate: { amount: 15000, currency: 'USD' } };
