import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };
type Call = (auth: Auth) => Promise<{ status: number; headers: Record<string, string>; body: { code?: string } }>;

/**
 * Every practice-scoped route of practices and memberships, called by a member of practice A with
 * ids of practice B in the path and in payloads: 404 or 403, problem+json, nothing appended.
 */
describe('Tenant isolation of practices, members and invitations (embedded default)', () => {
  let app: TestApp;
  let alice: { userId: string; auth: Auth; email: string };
  let bob: { userId: string; auth: Auth; email: string };
  let bobMember: { userId: string; auth: Auth; email: string };
  let practiceA: string;
  let practiceB: string;
  let invitationB: string;

  beforeAll(async () => {
    app = await startTestApp();
    alice = await signedInUser(app, 'Alice');
    bob = await signedInUser(app, 'Bob');
    bobMember = await signedInUser(app, 'Bert');
    practiceA = await createdPractice(app, alice.auth, 'A');
    practiceB = await createdPractice(app, bob.auth, 'B');
    const invited = await app.http().post(`/practices/${practiceB}/invitations`).set(bob.auth).send({ email: bobMember.email, role: 'clinician' });
    await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(bobMember.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    const open = await app.http().post(`/practices/${practiceB}/invitations`).set(bob.auth).send({ email: 'someone@example.com', role: 'biller' });
    invitationB = open.body.invitationId;
  });

  afterAll(async () => app.destroy());

  const expectRefusedWithNothingAppended = async (calls: Record<string, Call>, auth: Auth, statuses: number[]) => {
    const before = await app.runtime.eventStore.headPosition();
    for (const [name, call] of Object.entries(calls)) {
      const response = await call(auth);
      expect({ name, status: statuses.includes(response.status) }).toEqual({ name, status: true });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  };

  it("answers 404 for B's practice in the path, to every route", async () => {
    const http = () => app.http();
    const B = () => `/practices/${practiceB}`;
    await expectRefusedWithNothingAppended(
      {
        getPractice: (a) => http().get(B()).set(a),
        rename: (a) => http().patch(B()).set(a).send({ name: 'Mine' }),
        settings: (a) => http().put(`${B()}/settings`).set(a).send({ requestClientLegalSexDesignation: true }),
        leave: (a) => http().post(`${B()}/leave`).set(a),
        members: (a) => http().get(`${B()}/members`).set(a),
        role: (a) => http().put(`${B()}/members/${bobMember.userId}/role`).set(a).send({ role: 'admin' }),
        remove: (a) => http().delete(`${B()}/members/${bobMember.userId}`).set(a),
        clinical: (a) => http().put(`${B()}/members/${bobMember.userId}/clinical-info`).set(a).send({ npi: '1234567893' }),
        invite: (a) => http().post(`${B()}/invitations`).set(a).send({ email: 'x@example.com', role: 'admin' }),
        invitations: (a) => http().get(`${B()}/invitations`).set(a),
        revoke: (a) => http().delete(`${B()}/invitations/${invitationB}`).set(a),
      },
      alice.auth,
      [404],
    );
  });

  it("answers 404 for B's ids inside A's practice and in payloads", async () => {
    const http = () => app.http();
    const A = () => `/practices/${practiceA}`;
    await expectRefusedWithNothingAppended(
      {
        roleOfBMember: (a) => http().put(`${A()}/members/${bobMember.userId}/role`).set(a).send({ role: 'admin' }),
        removeBMember: (a) => http().delete(`${A()}/members/${bobMember.userId}`).set(a),
        clinicalOfBMember: (a) => http().put(`${A()}/members/${bobMember.userId}/clinical-info`).set(a).send({ npi: '1234567893' }),
        revokeBInvitation: (a) => http().delete(`${A()}/invitations/${invitationB}`).set(a),
        acceptBInvitation: (a) => http().post(`/invitations/${invitationB}/accept`).set(a),
        declineBInvitation: (a) => http().post(`/invitations/${invitationB}/decline`).set(a),
        switchIntoB: (a) => http().post('/me/practice-switches').set(a).send({ practiceId: practiceB }),
        notAUuid: (a) => http().put(`${A()}/members/not-a-uuid/role`).set(a).send({ role: 'admin' }),
      },
      alice.auth,
      [404],
    );
    const members = await app.http().get(`/practices/${practiceA}/members`).set(alice.auth);
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toEqual([alice.userId]);
  });

  it('answers 403 to a role without the right, appending nothing', async () => {
    const http = () => app.http();
    const B = () => `/practices/${practiceB}`;
    await expectRefusedWithNothingAppended(
      {
        rename: (a) => http().patch(B()).set(a).send({ name: 'Mine' }),
        settings: (a) => http().put(`${B()}/settings`).set(a).send({ requestClientLegalSexDesignation: true }),
        role: (a) => http().put(`${B()}/members/${bob.userId}/role`).set(a).send({ role: 'clinician' }),
        remove: (a) => http().delete(`${B()}/members/${bob.userId}`).set(a),
        clinical: (a) => http().put(`${B()}/members/${bob.userId}/clinical-info`).set(a).send({ npi: '1234567893' }),
        invite: (a) => http().post(`${B()}/invitations`).set(a).send({ email: 'x@example.com', role: 'admin' }),
        invitations: (a) => http().get(`${B()}/invitations`).set(a),
        revoke: (a) => http().delete(`${B()}/invitations/${invitationB}`).set(a),
      },
      bobMember.auth,
      [403],
    );
  });

  it('a removed member loses access to every route at once', async () => {
    const carl = await signedInUser(app, 'Carl');
    const invited = await app.http().post(`/practices/${practiceA}/invitations`).set(alice.auth).send({ email: carl.email, role: 'admin' });
    await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(carl.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    expect((await app.http().get(`/practices/${practiceA}/invitations`).set(carl.auth)).status).toBe(200);
    expect((await app.http().delete(`/practices/${practiceA}/members/${carl.userId}`).set(alice.auth)).status).toBe(200);
    const http = () => app.http();
    const A = () => `/practices/${practiceA}`;
    await expectRefusedWithNothingAppended(
      {
        getPractice: (a) => http().get(A()).set(a),
        invitations: (a) => http().get(`${A()}/invitations`).set(a),
        members: (a) => http().get(`${A()}/members`).set(a),
        invite: (a) => http().post(`${A()}/invitations`).set(a).send({ email: 'y@example.com', role: 'biller' }),
        switchIn: (a) => http().post('/me/practice-switches').set(a).send({ practiceId: practiceA }),
        clients: (a) => http().get(`${A()}/clients`).set(a),
      },
      carl.auth,
      [404],
    );
  });
});
