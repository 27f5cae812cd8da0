import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

describe('Profile, clinical info, notifications, switching and the user menu (embedded default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => app.destroy());

  it('changes names, adds and clears a legal name, and shows them in the profile', async () => {
    const ada = await signedInUser(app, 'Ada');
    const renamed = await app.http().patch('/me').set(ada.auth).send({ lastName: 'King' });
    expect(renamed.status).toBe(200);
    const legal = await app.http().put('/me/legal-name').set(ada.auth).send({ firstName: 'Augusta Ada', lastName: 'King' });
    expect(legal.status).toBe(200);
    let profile = await app.http().get('/me').set(ada.auth).set('X-Consistency-Token', legal.headers['x-consistency-token']);
    expect(profile.body).toMatchObject({ firstName: 'Ada', lastName: 'King', legalName: { firstName: 'Augusta Ada', lastName: 'King' } });
    const cleared = await app.http().delete('/me/legal-name').set(ada.auth);
    profile = await app.http().get('/me').set(ada.auth).set('X-Consistency-Token', cleared.headers['x-consistency-token']);
    expect(profile.body.legalName).toBeNull();
    const blank = await app.http().patch('/me').set(ada.auth).send({ firstName: '  ' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0].field).toBe('firstName');
  });

  it('changes the login email: unique across users in any case, the old one freed, sign-in with the new one', async () => {
    const ben = await signedInUser(app, 'Ben');
    const cat = await signedInUser(app, 'Cat');
    const taken = await app.http().put('/me/email').set(ben.auth).send({ email: cat.email.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('EmailAlreadyRegistered');

    const fresh = `ben.new.${Date.now()}@example.com`;
    expect((await app.http().put('/me/email').set(ben.auth).send({ email: fresh })).status).toBe(200);
    const password = 'correct horse battery staple';
    expect((await app.http().post('/auth/sign-in').send({ email: fresh.toUpperCase(), password })).status).toBe(200);
    expect((await app.http().post('/auth/sign-in').send({ email: ben.email, password })).status).toBe(401);
    // The old address is free for someone else.
    const reuse = await app.http().post('/auth/sign-up').send({ email: ben.email, password, firstName: 'New', lastName: 'Owner' });
    expect(reuse.status).toBe(201);
    const malformed = await app.http().put('/me/email').set(ben.auth).send({ email: 'nope' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('email');
  });

  it('keeps clinical info with a checked NPI and taxonomy code, naming each bad field', async () => {
    const dr = await signedInUser(app, 'Dora');
    const info = { npi: '1234567893', taxonomyCode: '101YM0800X', licenseType: 'LPC', licenseNumber: 'LPC-123', licenseState: 'TX' };
    const ok = await app.http().put('/me/clinical-info').set(dr.auth).send(info);
    expect(ok.status).toBe(200);
    const profile = await app.http().get('/me').set(dr.auth).set('X-Consistency-Token', ok.headers['x-consistency-token']);
    expect(profile.body).toMatchObject({ clinicalInfo: info, clinicalInfoUpdatedBy: dr.userId });

    const before = await app.runtime.eventStore.headPosition();
    const bad = await app.http().put('/me/clinical-info').set(dr.auth).send({ ...info, npi: '1234567890', taxonomyCode: '101YM0800' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['npi', 'taxonomyCode']);
    const wrongType = await app.http().put('/me/clinical-info').set(dr.auth).send({ npi: 1234567893 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('npi');
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  });

  it("accepts the Clinical Info tab's four fields without a license state, on both routes", async () => {
    const seedTab = { npi: '1234567893', taxonomyCode: '101YM0800X', licenseType: 'LPC', licenseNumber: 'LPC-123' };
    const eve = await signedInUser(app, 'Eve');
    const own = await app.http().put('/me/clinical-info').set(eve.auth).send(seedTab);
    expect(own.status).toBe(200);
    const profile = await app.http().get('/me').set(eve.auth).set('X-Consistency-Token', own.headers['x-consistency-token']);
    expect(profile.body.clinicalInfo).toEqual({ ...seedTab, licenseState: null });

    const owner = await signedInUser(app, 'Olga');
    const practiceId = await createdPractice(app, owner.auth);
    const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: eve.email, role: 'clinician' });
    const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(eve.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    expect(accepted.status).toBe(200);
    const byOwner = await app.http().put(`/practices/${practiceId}/members/${eve.userId}/clinical-info`).set(owner.auth).send({ ...seedTab, licenseNumber: 'LPC-456' });
    expect(byOwner.status).toBe(200);
    const members = await app.http().get(`/practices/${practiceId}/members`).set(owner.auth).set('X-Consistency-Token', byOwner.headers['x-consistency-token']);
    expect(members.body.items.find((m: { userId: string }) => m.userId === eve.userId).clinicalInfo).toEqual({ ...seedTab, licenseNumber: 'LPC-456', licenseState: null });
  });

  it("lets an owner edit a member's clinical info from the members screen; the history names the owner", async () => {
    const owner = await signedInUser(app, 'Omar');
    const clin = await signedInUser(app, 'Cora');
    const practiceId = await createdPractice(app, owner.auth);
    const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: clin.email, role: 'clinician' });
    await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(clin.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);

    const edited = await app.http().put(`/practices/${practiceId}/members/${clin.userId}/clinical-info`).set(owner.auth).send({ npi: '1234567810' });
    expect(edited.status).toBe(200);
    const token = edited.headers['x-consistency-token'];
    const events = await app.runtime.eventStore.readStream(`user-${clin.userId}`);
    const update = events.find((e) => e.type === 'UserClinicalInfoUpdated')!;
    expect(update.metadata).toMatchObject({ actorUserId: owner.userId, practiceId });
    const history = await app.http().get('/me/history').set(clin.auth).set('X-Consistency-Token', token);
    expect(history.body.items.find((i: { type: string }) => i.type === 'UserClinicalInfoUpdated')).toMatchObject({ actorUserId: owner.userId });
    const members = await app.http().get(`/practices/${practiceId}/members`).set(owner.auth).set('X-Consistency-Token', token);
    expect(members.body.items.find((m: { userId: string }) => m.userId === clin.userId).clinicalInfo.npi).toBe('1234567810');

    // A clinician cannot edit the owner's, nor see clinical info in the members list.
    const byClinician = await app.http().put(`/practices/${practiceId}/members/${owner.userId}/clinical-info`).set(clin.auth).send({ npi: '1234567893' });
    expect(byClinician.status).toBe(403);
    const asClinician = await app.http().get(`/practices/${practiceId}/members`).set(clin.auth);
    expect(asClinician.body.items[0].clinicalInfo).toBeUndefined();
  });

  it('turns notification categories and the sidebar toggle on and off', async () => {
    const nia = await signedInUser(app, 'Nia');
    const changed = await app.http().put('/me/notifications').set(nia.auth).send({ productUpdatesAndTips: false, sidebarAppointmentNotifications: false });
    expect(changed.status).toBe(200);
    const profile = await app.http().get('/me').set(nia.auth).set('X-Consistency-Token', changed.headers['x-consistency-token']);
    expect(profile.body.notifications).toEqual({ dailyDigestAndPayments: true, productUpdatesAndTips: false, sidebarAppointmentNotifications: false });
    expect((await app.http().put('/me/notifications').set(nia.auth).send({ dailyDigestAndPayments: 'no' })).status).toBe(400);
  });

  it('menus: check mark on the selected practice, the five most recently accessed first, the total, and View More', async () => {
    const max = await signedInUser(app, 'Max');
    const ids: string[] = [];
    for (let i = 1; i <= 7; i += 1) ids.push(await createdPractice(app, max.auth, `Practice ${i}`));
    let token = '';
    for (const id of [ids[2], ids[5], ids[0], ids[6], ids[3], ids[1]]) {
      const switched = await app.http().post('/me/practice-switches').set(max.auth).send({ practiceId: id });
      expect(switched.status).toBe(201);
      token = switched.headers['x-consistency-token'];
    }
    const menu = await app.http().get('/me/menu').set(max.auth).set('X-Consistency-Token', token);
    expect(menu.body.selectedPracticeId).toBe(ids[1]);
    expect(menu.body.total).toBe(7);
    expect(menu.body.viewMore).toBe(true);
    expect(menu.body.recent.map((p: { practiceId: string }) => p.practiceId)).toEqual([ids[1], ids[3], ids[6], ids[0], ids[5]]);
    expect(menu.body.recent[0]).toMatchObject({ name: 'Practice 2', role: 'owner', selected: true });
    expect(menu.body.recent.filter((p: { selected: boolean }) => p.selected)).toHaveLength(1);

    const all = await app.http().get('/me/practices').set(max.auth).set('X-Consistency-Token', token);
    expect(all.body.total).toBe(7);
    expect(all.body.items.every((p: { role: string }) => p.role === 'owner')).toBe(true);

    const events = await app.runtime.eventStore.readStream(`user-${max.userId}`);
    expect(events.filter((e) => e.type === 'PracticeSwitched')).toHaveLength(6);
  });

  it('GET /me and GET /me/menu name the same selected practice: after joining, and after a switch', async () => {
    const sam = await signedInUser(app, 'Sam');
    const first = await createdPractice(app, sam.auth, 'First Practice');
    const created = await app.http().post('/practices').set(sam.auth).send({ name: 'Second Practice' });
    const selected = async (token: string) => {
      const profile = await app.http().get('/me').set(sam.auth).set('X-Consistency-Token', token);
      const menu = await app.http().get('/me/menu').set(sam.auth).set('X-Consistency-Token', token);
      return [profile.body.selectedPracticeId, menu.body.selectedPracticeId];
    };
    expect(await selected(created.headers['x-consistency-token'])).toEqual([first, first]);

    const switched = await app.http().post('/me/practice-switches').set(sam.auth).send({ practiceId: created.body.practiceId });
    expect(switched.status).toBe(201);
    expect(await selected(switched.headers['x-consistency-token'])).toEqual([created.body.practiceId, created.body.practiceId]);
  });

  it('refuses a switch into a practice where the user is not a member, appending nothing', async () => {
    const a = await signedInUser(app, 'Ann');
    const b = await signedInUser(app, 'Bea');
    const practiceB = await createdPractice(app, b.auth);
    const before = await app.runtime.eventStore.headPosition();
    const response = await app.http().post('/me/practice-switches').set(a.auth).send({ practiceId: practiceB });
    expect(response.status).toBe(404);
    const notUuid = await app.http().post('/me/practice-switches').set(a.auth).send({ practiceId: 'abc' });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors[0].field).toBe('practiceId');
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  });
});
