import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };

describe('Practices, invitations and memberships (embedded default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => app.destroy());

  const invite = async (practiceId: string, auth: Auth, email: string, role: string) => {
    const response = await app.http().post(`/practices/${practiceId}/invitations`).set(auth).send({ email, role });
    expect(response.status).toBe(201);
    return { invitationId: response.body.invitationId as string, token: response.headers['x-consistency-token'] as string };
  };

  const joined = async (practiceId: string, ownerAuth: Auth, member: { auth: Auth; email: string }, role: string) => {
    const { invitationId, token } = await invite(practiceId, ownerAuth, member.email.toUpperCase(), role);
    const accepted = await app.http().post(`/invitations/${invitationId}/accept`).set(member.auth).set('X-Consistency-Token', token);
    expect(accepted.status).toBe(200);
    return accepted.headers['x-consistency-token'] as string;
  };

  it('invites by email with a role; the invitee sees it and accepts with their existing login', async () => {
    const owner = await signedInUser(app, 'Olive');
    const grace = await signedInUser(app, 'Grace');
    const own = await createdPractice(app, grace.auth, 'Grace Counseling');
    const practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
    const { invitationId, token } = await invite(practiceId, owner.auth, grace.email.toUpperCase(), 'clinician');

    const mine = await app.http().get('/me/invitations').set(grace.auth).set('X-Consistency-Token', token);
    expect(mine.body.items).toEqual([expect.objectContaining({ invitationId, practiceId, role: 'clinician', practiceName: 'Calm Minds', status: 'pending' })]);

    const accepted = await app.http().post(`/invitations/${invitationId}/accept`).set(grace.auth);
    expect(accepted.status).toBe(200);
    const read = accepted.headers['x-consistency-token'];

    const practices = await app.http().get('/me/practices').set(grace.auth).set('X-Consistency-Token', read);
    expect(practices.body.items.map((p: { practiceId: string; role: string }) => [p.practiceId, p.role]).sort()).toEqual(
      [[own, 'owner'], [practiceId, 'clinician']].sort(),
    );
    const members = await app.http().get(`/practices/${practiceId}/members`).set(owner.auth).set('X-Consistency-Token', read);
    expect(members.body.items).toEqual([
      expect.objectContaining({ userId: owner.userId, role: 'owner', firstName: 'Olive' }),
      expect.objectContaining({ userId: grace.userId, role: 'clinician', firstName: 'Grace', email: grace.email }),
    ]);
    const again = await app.http().post(`/invitations/${invitationId}/accept`).set(grace.auth);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('InvitationNotPending');
  });

  it('lets a team join at once: invitations sent and accepted together all land, none lost to the others', async () => {
    const owner = await signedInUser(app, 'Busy');
    const practiceId = await createdPractice(app, owner.auth, 'Busy Practice');
    const team = await Promise.all(Array.from({ length: 12 }, (_, i) => signedInUser(app, `Team${i}`)));
    const tokens = await Promise.all(team.map((member) => joined(practiceId, owner.auth, member, 'clinician')));
    const members = await app.http().get(`/practices/${practiceId}/members`).set(owner.auth).set('X-Consistency-Token', String(Math.max(...tokens.map(Number))));
    expect(members.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual([owner.userId, ...team.map((m) => m.userId)].sort());
  });

  it('accepts an invitation answered before the read models have seen it', async () => {
    const owner = await signedInUser(app, 'Quick');
    const invitee = await signedInUser(app, 'Quicker');
    const practiceId = await createdPractice(app, owner.auth, 'Fast Practice');
    const projector = app.runtime.projector!;
    await projector.stop();
    try {
      const { invitationId } = await invite(practiceId, owner.auth, invitee.email, 'clinician');
      // No consistency token, and the projector is paused: the answer waits for it instead of a 404.
      const answering = app.http().post(`/invitations/${invitationId}/accept`).set(invitee.auth);
      const restarting = new Promise((resolve) => setTimeout(resolve, 200)).then(() => projector.start());
      const [accepted] = await Promise.all([answering, restarting]);
      expect(accepted.status).toBe(200);
      expect(accepted.body.practiceId).toBe(practiceId);
    } finally {
      if (!projector.status().running) await projector.start();
    }
    const unknown = await app.http().post('/invitations/00000000-0000-4000-8000-000000000000/accept').set(invitee.auth);
    expect(unknown.status).toBe(404);
  });

  it('hides an invitation from another login, and lets the invitee decline', async () => {
    const owner = await signedInUser(app, 'Owen');
    const ivy = await signedInUser(app, 'Ivy');
    const eve = await signedInUser(app, 'Eve');
    const practiceId = await createdPractice(app, owner.auth);
    const { invitationId, token } = await invite(practiceId, owner.auth, ivy.email, 'biller');
    const before = await app.runtime.eventStore.headPosition();
    const stolen = await app.http().post(`/invitations/${invitationId}/accept`).set(eve.auth).set('X-Consistency-Token', token);
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('InvitationNotFound');
    expect(await app.runtime.eventStore.headPosition()).toBe(before);

    const declined = await app.http().post(`/invitations/${invitationId}/decline`).set(ivy.auth);
    expect(declined.status).toBe(200);
    const list = await app.http().get(`/practices/${practiceId}/invitations`).set(owner.auth).set('X-Consistency-Token', declined.headers['x-consistency-token']);
    expect(list.body.items).toEqual([expect.objectContaining({ invitationId, status: 'declined' })]);
  });

  it('revokes an open invitation, after which it cannot be accepted; a second open one for the same email is refused', async () => {
    const owner = await signedInUser(app, 'Rita');
    const sam = await signedInUser(app, 'Sam');
    const practiceId = await createdPractice(app, owner.auth);
    const { invitationId, token } = await invite(practiceId, owner.auth, sam.email, 'scheduler');
    const duplicate = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: sam.email, role: 'biller' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('InvitationAlreadyPending');

    expect((await app.http().delete(`/practices/${practiceId}/invitations/${invitationId}`).set(owner.auth)).status).toBe(200);
    const accept = await app.http().post(`/invitations/${invitationId}/accept`).set(sam.auth).set('X-Consistency-Token', token);
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('InvitationNotPending');
  });

  it('records the expiry time in the invitation event, fourteen days after it was sent', async () => {
    const owner = await signedInUser(app, 'Xena');
    const practiceId = await createdPractice(app, owner.auth);
    const { invitationId } = await invite(practiceId, owner.auth, 'later@example.com', 'clinician');
    const events = await app.runtime.eventStore.readStream(`practice-${practiceId}`);
    const invited = events.find((e) => e.type === 'PracticeMemberInvited')!;
    expect(invited.data).toMatchObject({ invitationId, role: 'clinician' });
    const { expiresAt } = invited.data as { expiresAt: string };
    expect(Date.parse(expiresAt) - Date.parse(invited.metadata.occurredAt)).toBe(14 * 24 * 60 * 60 * 1000);
  });

  it('changes a role, keeps the last owner, removes a member who then loses access at once', async () => {
    const owner = await signedInUser(app, 'Paula');
    const clin = await signedInUser(app, 'Cleo');
    const practiceId = await createdPractice(app, owner.auth, 'Role Practice');
    await joined(practiceId, owner.auth, clin, 'clinician');

    const demoteSelf = await app.http().put(`/practices/${practiceId}/members/${owner.userId}/role`).set(owner.auth).send({ role: 'admin' });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.code).toBe('LastOwner');
    const leave = await app.http().post(`/practices/${practiceId}/leave`).set(owner.auth);
    expect(leave.status).toBe(409);
    expect(leave.body.code).toBe('LastOwner');

    const toBiller = await app.http().put(`/practices/${practiceId}/members/${clin.userId}/role`).set(owner.auth).send({ role: 'biller' });
    expect(toBiller.status).toBe(200);
    const practices = await app.http().get('/me/practices').set(clin.auth).set('X-Consistency-Token', toBiller.headers['x-consistency-token']);
    expect(practices.body.items.find((p: { practiceId: string }) => p.practiceId === practiceId).role).toBe('biller');
    const badRole = await app.http().put(`/practices/${practiceId}/members/${clin.userId}/role`).set(owner.auth).send({ role: 'king' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].field).toBe('role');

    expect((await app.http().get(`/practices/${practiceId}/members`).set(clin.auth)).status).toBe(200);
    const removed = await app.http().delete(`/practices/${practiceId}/members/${clin.userId}`).set(owner.auth);
    expect(removed.status).toBe(200);
    // At once: no read model in between.
    expect((await app.http().get(`/practices/${practiceId}/members`).set(clin.auth)).status).toBe(404);
    expect((await app.http().get(`/practices/${practiceId}/clients`).set(clin.auth)).status).toBe(404);
    const token = removed.headers['x-consistency-token'];
    const menu = await app.http().get('/me/menu').set(clin.auth).set('X-Consistency-Token', token);
    expect(menu.body.recent.map((p: { practiceId: string }) => p.practiceId)).not.toContain(practiceId);
    const list = await app.http().get('/me/practices').set(clin.auth).set('X-Consistency-Token', token);
    expect(list.body.items.map((p: { practiceId: string }) => p.practiceId)).not.toContain(practiceId);
  });

  it('lets a member leave, and an owner hand over ownership first', async () => {
    const owner = await signedInUser(app, 'Hanna');
    const next = await signedInUser(app, 'Nico');
    const practiceId = await createdPractice(app, owner.auth);
    await joined(practiceId, owner.auth, next, 'admin');
    const adminMakesOwner = await app.http().put(`/practices/${practiceId}/members/${next.userId}/role`).set(next.auth).send({ role: 'owner' });
    expect(adminMakesOwner.status).toBe(403);
    expect(adminMakesOwner.body.code).toBe('OnlyOwnersManageOwners');
    expect((await app.http().put(`/practices/${practiceId}/members/${next.userId}/role`).set(owner.auth).send({ role: 'owner' })).status).toBe(200);
    expect((await app.http().post(`/practices/${practiceId}/leave`).set(owner.auth)).status).toBe(200);
    expect((await app.http().get(`/practices/${practiceId}`).set(owner.auth)).status).toBe(404);
  });

  it('renames a practice and changes its intake setting; the new name shows in every member menu and list', async () => {
    const owner = await signedInUser(app, 'Nora');
    const member = await signedInUser(app, 'Milo');
    const practiceId = await createdPractice(app, owner.auth, 'Old Name');
    await joined(practiceId, owner.auth, member, 'scheduler');

    const renamed = await app.http().patch(`/practices/${practiceId}`).set(owner.auth).send({ name: '  New Name ' });
    expect(renamed.status).toBe(200);
    const settings = await app.http().put(`/practices/${practiceId}/settings`).set(owner.auth).send({ requestClientLegalSexDesignation: false });
    expect(settings.status).toBe(200);
    const token = settings.headers['x-consistency-token'];
    for (const user of [owner, member]) {
      const menu = await app.http().get('/me/menu').set(user.auth).set('X-Consistency-Token', token);
      expect(menu.body.recent.find((p: { practiceId: string }) => p.practiceId === practiceId).name).toBe('New Name');
      const list = await app.http().get('/me/practices').set(user.auth).set('X-Consistency-Token', token);
      expect(list.body.items.find((p: { practiceId: string }) => p.practiceId === practiceId).name).toBe('New Name');
    }
    const practice = await app.http().get(`/practices/${practiceId}`).set(member.auth);
    expect(practice.body).toMatchObject({ name: 'New Name', settings: { requestClientLegalSexDesignation: false }, role: 'scheduler' });

    const byScheduler = await app.http().patch(`/practices/${practiceId}`).set(member.auth).send({ name: 'Mine' });
    expect(byScheduler.status).toBe(403);
    const blank = await app.http().patch(`/practices/${practiceId}`).set(owner.auth).send({ name: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0].field).toBe('name');
    const wrongType = await app.http().put(`/practices/${practiceId}/settings`).set(owner.auth).send({ requestClientLegalSexDesignation: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('requestClientLegalSexDesignation');
  });
});
