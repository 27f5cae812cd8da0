import { practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/** The seed flows of "Creating a Client" and "The Client Profile", over HTTP. */
describe('Client charts: an individual, a couple, a minor (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, userId, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const { url, post, put, get } = practiceRequests(() => ({ app, auth, practiceId }));

  it('an individual: profile card, overview with age, identity, setup wizard, invitation, stats', async () => {
    const created = await post('/clients', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    expect(created.status).toBe(201);
    const id = created.body.clientId;

    const profile = await put(`/clients/${id}/profile`, {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.com',
      phone: '(415) 555-0132',
      gender: 'Woman',
      location: 'Arlington',
    });
    expect(profile.status).toBe(200);
    expect((await put(`/clients/${id}/overview`, { dateOfBirth: '1990-02-28', occupation: 'Engineer', address: { line1: '1 Main St', city: 'Arlington' }, diagnosis: 'F41.1', symptoms: 'worry' })).status).toBe(200);
    expect((await put(`/clients/${id}/identity`, { pronouns: 'she/her', legalSex: 'female', genderIdentity: 'woman' })).status).toBe(200);
    expect((await put(`/clients/${id}/legal-name`, { firstName: 'Grace Brewster', lastName: 'Murray' })).status).toBe(200);
    expect((await put(`/clients/${id}/photo`, { photoRef: 'uploads/grace.png' })).status).toBe(200);
    expect((await post(`/clients/${id}/setup/steps/demographics`)).status).toBe(200);
    const invited = await post(`/clients/${id}/portal/invitation`);
    expect(invited.status).toBe(200);

    const pending = await get(`/clients?status=Pending`, tokenOf(invited));
    expect(pending.body.items.map((i: { clientId: string }) => i.clientId)).toContain(id);

    const past = await post(`/charts/${id}/appointments`, { start: '2020-01-06T10:00:00Z', durationMinutes: 50, practitionerId: userId });
    expect(past.status).toBe(201);
    expect((await post(`/charts/${id}/appointments/${past.body.appointmentId}/complete`)).status).toBe(200);
    expect((await post(`/charts/${id}/appointments`, { start: '2999-01-06T10:00:00+02:00', durationMinutes: 50, practitionerId: userId })).status).toBe(201);
    const cancelled = await post(`/charts/${id}/appointments`, { start: '2999-02-06T10:00:00Z', durationMinutes: 30, practitionerId: userId });
    const cancel = await post(`/charts/${id}/appointments/${cancelled.body.appointmentId}/cancel`);
    expect(cancel.status).toBe(200);
    const done = await post(`/clients/${id}/setup/complete`);

    const chart = await get(`/charts/${id}`, tokenOf(done));
    expect(chart.status).toBe(200);
    const today = new Date();
    const expectedAge = today.getUTCFullYear() - 1990 - (today.toISOString().slice(5, 10) < '02-28' ? 1 : 0);
    expect(chart.body).toMatchObject({
      kind: 'individual',
      profile: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', phone: '+14155550132', status: 'Pending', gender: 'Woman', location: 'Arlington', photoRef: 'uploads/grace.png', dateOfBirth: '1990-02-28', age: expectedAge },
      overview: { occupation: 'Engineer', address: { line1: '1 Main St', city: 'Arlington', line2: null }, diagnosis: 'F41.1', symptoms: 'worry', age: expectedAge, tags: [] },
      identity: { legalName: { firstName: 'Grace Brewster', lastName: 'Murray' }, pronouns: 'she/her', legalSex: 'female', genderIdentity: 'woman' },
      setup: { complete: true, stepsCompleted: ['demographics'] },
      portal: { invitation: 'invited', access: true },
      stats: { total: 2, upcoming: 1, completed: 1 },
    });

    const accepted = await post(`/clients/${id}/portal/invitation/accept`);
    const active = await get(`/clients?status=Active`, tokenOf(accepted));
    expect(active.body.items.map((i: { clientId: string }) => i.clientId)).toContain(id);
    const deactivated = await post(`/clients/${id}/deactivate`);
    expect(deactivated.status).toBe(200);
    const inactive = await get(`/clients?status=Inactive`, tokenOf(deactivated));
    expect(inactive.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([id]);
    expect((await post(`/clients/${id}/deactivate`)).body.code).toBe('ClientAlreadyInactive');
    expect((await post(`/clients/${id}/reactivate`)).status).toBe(200);
  });

  it('limits resending the portal invitation per hour', async () => {
    const created = await post('/clients', { firstName: 'Resend', lastName: 'Limit', email: 'resend@example.com' });
    const id = created.body.clientId;
    expect((await post(`/clients/${id}/portal/invitation/resend`)).body.code).toBe('NoPendingInvitation');
    expect((await post(`/clients/${id}/portal/invitation`)).status).toBe(200);
    expect((await post(`/clients/${id}/portal/invitation/resend`)).status).toBe(200);
    expect((await post(`/clients/${id}/portal/invitation/resend`)).status).toBe(200);
    const refused = await post(`/clients/${id}/portal/invitation/resend`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'InvitationResendLimitReached', limitPerHour: 3 });
  });

  it('a couple with one new and one existing member; a retry with the same key finishes with the same ids', async () => {
    const existing = await post('/clients', { firstName: 'John', lastName: 'Smith', email: 'john.smith@example.com' });
    const body = {
      kind: 'couple',
      name: 'The Smiths',
      members: [
        { new: { firstName: 'Jane', lastName: 'Smith', email: 'jane.smith@example.com' }, identifiedPatient: true, receivesSessionBridging: true },
        { clientId: existing.body.clientId, billingContact: true, groupPortalAccess: true, receivesReminders: false },
      ],
    };
    const created = await post('/group-charts', body, { 'Idempotency-Key': 'couple-1' });
    expect(created.status).toBe(201);
    const [janeId, johnId] = created.body.memberIds;
    expect(johnId).toBe(existing.body.clientId);
    const before = await app.runtime.eventStore.headPosition();
    const retry = await post('/group-charts', body, { 'Idempotency-Key': 'couple-1' });
    expect(retry.body).toEqual(created.body);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);

    const chart = await get(`/charts/${created.body.chartId}`, tokenOf(created));
    expect(chart.body).toMatchObject({
      kind: 'group',
      group: {
        groupKind: 'couple',
        name: 'The Smiths',
        identifiedPatientId: janeId,
        billingContactId: johnId,
        members: [
          { clientId: janeId, firstName: 'Jane', receivesReminders: true, receivesSessionBridging: true, groupPortalAccess: false },
          { clientId: johnId, firstName: 'John', receivesReminders: false, receivesSessionBridging: false, groupPortalAccess: true },
        ],
      },
    });
    const jane = await get(`/charts/${janeId}`);
    expect(jane.body).toMatchObject({ kind: 'individual', profile: { email: 'jane.smith@example.com' }, memberOf: [{ chartId: created.body.chartId, name: 'The Smiths' }] });
    // A group chart has no details of its own.
    expect((await put(`/clients/${created.body.chartId}/overview`, { occupation: 'x' })).body.code).toBe('GroupChartHasNoDetails');

    const list = await get('/clients?kind=group');
    expect(list.body.items.map((i: { clientId: string }) => i.clientId)).toContain(created.body.chartId);

    // AddChartMember / RemoveChartMember; removing the Identified Patient reopens a Needs Attention item.
    const added = await post(`/charts/${created.body.chartId}/members`, { new: { firstName: 'Junior', lastName: 'Smith' } });
    expect(added.status).toBe(201);
    const removed = await app.http().delete(url(`/charts/${created.body.chartId}/members/${janeId}`)).set(auth);
    expect(removed.status).toBe(200);
    const attention = await get('/needs-attention', tokenOf(removed));
    expect(attention.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ chartId: created.body.chartId, reason: 'GroupChartWithoutIdentifiedPatient' })]),
    );
    const designated = await put(`/charts/${created.body.chartId}/identified-patient`, { clientId: added.body.clientId });
    expect(designated.status).toBe(200);
    const after = await get('/needs-attention', tokenOf(designated));
    expect(after.body.items.filter((i: { chartId: string }) => i.chartId === created.body.chartId)).toEqual([]);
    const janeAfter = await get(`/charts/${janeId}`, tokenOf(designated));
    expect(janeAfter.body.memberOf).toEqual([]);
  });

  it('a minor with one new and one existing contact', async () => {
    const parent = await post('/clients', { firstName: 'Mary', lastName: 'Jones', email: 'mary.jones@example.com' });
    const created = await post('/clients/minors', {
      firstName: 'Tim',
      lastName: 'Jones',
      contacts: [
        { new: { firstName: 'Bob', lastName: 'Jones', email: 'bob@example.com', phone: '+44 20 7946 0958' }, relationship: 'father', receivesReminders: true },
        { clientId: parent.body.clientId, relationship: 'mother', billing: false, signsDocuments: true },
      ],
      portalAccess: 'guardian',
    });
    expect(created.status).toBe(201);
    const minorId = created.body.clientId;
    const [bobId, maryContactId] = created.body.contactIds;

    const chart = await get(`/charts/${minorId}`, tokenOf(created));
    expect(chart.body).toMatchObject({
      kind: 'minor',
      portal: { minorAccess: 'guardian' },
      contacts: [
        { contactId: bobId, firstName: 'Bob', relationship: 'father', clientId: null, roles: { billing: false, receivesReminders: true } },
        { contactId: maryContactId, firstName: 'Mary', relationship: 'mother', clientId: parent.body.clientId, roles: { signsDocuments: true } },
      ],
    });
    const attention = await get('/needs-attention', tokenOf(created));
    const reasons = attention.body.items.filter((i: { chartId: string }) => i.chartId === minorId).map((i: { reason: string }) => i.reason);
    expect(reasons.sort()).toEqual(['ClientSetupIncomplete', 'MinorWithoutBillingContact']);

    const roles = await put(`/clients/${minorId}/contacts/${bobId}/roles`, { billing: true, signsDocuments: false, receivesReminders: true, viewsUpcomingAppointments: true });
    expect(roles.status).toBe(200);
    const resolved = await get('/needs-attention', tokenOf(roles));
    expect(resolved.body.items.filter((i: { chartId: string }) => i.chartId === minorId).map((i: { reason: string }) => i.reason)).toEqual(['ClientSetupIncomplete']);

    const contacts = await get('/contacts?search=bob', tokenOf(roles));
    expect(contacts.body.items).toEqual([expect.objectContaining({ contactId: bobId, phone: '+442079460958', charts: [expect.objectContaining({ chartId: minorId })] })]);

    // A contact edited after linking shows its new name on the chart.
    const renamed = await put(`/contacts/${bobId}`, { firstName: 'Robert', lastName: 'Jones', email: 'bob@example.com', phone: '+44 20 7946 0958' });
    expect(renamed.status).toBe(200);
    const chartAfterRename = await get(`/charts/${minorId}`, tokenOf(renamed));
    expect(chartAfterRename.body.contacts.find((c: { contactId: string }) => c.contactId === bobId).firstName).toBe('Robert');
    const mary = await get(`/charts/${parent.body.clientId}`);
    expect(mary.body.contactOn).toEqual([{ chartId: minorId, name: 'Tim Jones' }]);

    // Contacts can be added to any individual chart, and a minor keeps at least one.
    const other = await post(`/clients/${parent.body.clientId}/contacts`, { contactId: bobId, relationship: 'spouse' });
    expect(other.status).toBe(201);
    const removeMary = await app.http().delete(url(`/clients/${minorId}/contacts/${maryContactId}`)).set(auth);
    expect(removeMary.status).toBe(200);
    const last = await app.http().delete(url(`/clients/${minorId}/contacts/${bobId}`)).set(auth);
    expect(last.status).toBe(422);
    expect(last.body.code).toBe('MinorNeedsAContact');
    const maryAfter = await get(`/charts/${parent.body.clientId}`, tokenOf(removeMary));
    expect(maryAfter.body.contactOn).toEqual([]);
  });
});
