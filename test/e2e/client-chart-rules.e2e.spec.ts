import { chartStream, eventCodec } from '@practice/events';
import { chartDecider } from '@practice/domain';
import { CommandRunner } from '../../apps/command-api/src/application/command-runner';
import { EmailReservations } from '../../apps/command-api/src/application/email-reservations';
import { commandEnvelope } from '../../apps/command-api/src/application/command-envelope';
import { practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/** The rules that cross charts: the email rule, the refused delete, tag renames, resumable creation. */
describe('Client chart rules (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, userId, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const { url, post, put, del, get } = practiceRequests(() => ({ app, auth, practiceId }));

  const expectEmailInUse = async (response: { status: number; body: { code: string; errors: { field: string }[] } }, field: string) => {
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('EmailAlreadyInUse');
    expect(response.body.errors.map((e) => e.field)).toContain(field);
  };

  it('holds the email rule on every way a client is created and every email change, in any letter case', async () => {
    const first = await post('/clients', { firstName: 'Dup', lastName: 'One', email: 'dup@example.com' });
    expect(first.status).toBe(201);
    let before = await app.runtime.eventStore.headPosition();
    await expectEmailInUse(await post('/clients/minors', { firstName: 'Kid', lastName: 'Dup', email: 'DUP@example.com', contacts: [{ new: { firstName: 'P', lastName: 'Dup' } }] }), 'email');
    await expectEmailInUse(
      await post('/group-charts', { kind: 'family', name: 'Dups', members: [{ new: { firstName: 'A', lastName: 'Dup', email: 'a.dup@example.com' } }, { new: { firstName: 'B', lastName: 'Dup', email: 'Dup@Example.com' } }] }),
      'members.1.email',
    );
    // Nothing of the refused commands was written, not even the first member of the family.
    expect(await app.runtime.eventStore.headPosition()).toBe(before);

    const second = await post('/clients', { firstName: 'Dup', lastName: 'Two', email: 'dup2@example.com' });
    await expectEmailInUse(await put(`/clients/${second.body.clientId}/profile`, { firstName: 'Dup', lastName: 'Two', email: 'DUP@EXAMPLE.COM' }), 'email');

    // Moving an email frees the old one; a contact is not bound by the rule.
    const moved = await put(`/clients/${second.body.clientId}/profile`, { firstName: 'Dup', lastName: 'Two', email: 'dup3@example.com' });
    expect(moved.status).toBe(200);
    expect((await post('/clients', { firstName: 'Dup', lastName: 'Four', email: 'dup2@example.com' })).status).toBe(201);
    expect((await post('/contacts', { firstName: 'Parent', lastName: 'Dup', email: 'dup@example.com' })).status).toBe(201);
    expect((await post('/contacts', { firstName: 'Other', lastName: 'Dup', email: 'dup@example.com' })).status).toBe(201);

    before = await app.runtime.eventStore.headPosition();
    const twice = await post('/group-charts', { kind: 'couple', name: 'Twice', members: [{ new: { firstName: 'A', lastName: 'T', email: 'same@twice.example' } }, { new: { firstName: 'B', lastName: 'T', email: 'SAME@twice.example' } }] });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].field).toBe('members.1.email');
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  });

  it('refuses to delete a client who is a group member or a contact elsewhere, naming the charts; deleted emails can be used again', async () => {
    const anna = await post('/clients', { firstName: 'Anna', lastName: 'Lee', email: 'anna.lee@example.com' });
    const couple = await post('/group-charts', { kind: 'couple', name: 'The Lees', members: [{ clientId: anna.body.clientId }, { new: { firstName: 'Ben', lastName: 'Lee' } }] });
    const minor = await post('/clients/minors', { firstName: 'Cara', lastName: 'Lee', contacts: [{ clientId: anna.body.clientId, billing: true }] });
    expect(minor.status).toBe(201);

    const before = await app.runtime.eventStore.headPosition();
    const refused = await del(`/clients/${anna.body.clientId}`);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('ClientLinkedToOtherCharts');
    expect(refused.body.charts).toEqual(
      expect.arrayContaining([
        { chartId: couple.body.chartId, name: 'The Lees', as: 'member' },
        { chartId: minor.body.clientId, name: 'Cara Lee', as: 'contact' },
      ]),
    );
    expect(refused.body.detail).toContain('The Lees');
    expect(refused.body.title).toBe('Client linked to other charts');
    expect(await app.runtime.eventStore.headPosition()).toBe(before);

    // Unlink both, then the delete goes through and the email is free again.
    expect((await del(`/clients/${couple.body.chartId}`)).status).toBe(200);
    const contactId = minor.body.contactIds[0];
    expect((await post(`/clients/${minor.body.clientId}/contacts`, { new: { firstName: 'Dan', lastName: 'Lee' }, billing: true })).status).toBe(201);
    expect((await del(`/clients/${minor.body.clientId}/contacts/${contactId}`)).status).toBe(200);
    const deleted = await del(`/clients/${anna.body.clientId}`);
    expect(deleted.status).toBe(200);

    const gone = await get(`/charts/${anna.body.clientId}`, tokenOf(deleted));
    expect(gone.status).toBe(404);
    const list = await get('/clients?search=anna', tokenOf(deleted));
    expect(list.body.items).toEqual([]);
    const again = await post('/clients', { firstName: 'Anna', lastName: 'Again', email: 'ANNA.LEE@example.com' });
    expect(again.status).toBe(201);
  });

  it('a renamed tag shows its new name everywhere; the list filters by tag; a removed tag disappears', async () => {
    const tag = await post('/tags', { name: 'depression' });
    expect(tag.status).toBe(201);
    expect((await post('/tags', { name: 'DEPRESSION' })).body.code).toBe('TagNameTaken');
    const tagged = await post('/clients', { firstName: 'Tag', lastName: 'Ged' });
    await post('/clients', { firstName: 'Not', lastName: 'Tagged' });
    const assign = await post(`/clients/${tagged.body.clientId}/tags`, { tagId: tag.body.tagId });
    expect(assign.status).toBe(200);

    const renamed = await put(`/tags/${tag.body.tagId}`, { name: 'Low mood' });
    expect(renamed.status).toBe(200);
    const token = tokenOf(renamed);
    const list = await get(`/clients?tag=${tag.body.tagId}`, token);
    expect(list.body.items.map((i: { clientId: string; tags: unknown }) => [i.clientId, i.tags])).toEqual([
      [tagged.body.clientId, [{ tagId: tag.body.tagId, name: 'Low mood' }]],
    ]);
    const chart = await get(`/charts/${tagged.body.clientId}`, token);
    expect(chart.body.overview.tags).toEqual([{ tagId: tag.body.tagId, name: 'Low mood' }]);
    expect((await get('/tags', token)).body.items).toEqual([{ tagId: tag.body.tagId, name: 'Low mood' }]);

    const removed = await del(`/tags/${tag.body.tagId}`);
    expect(removed.status).toBe(200);
    const after = await get(`/charts/${tagged.body.clientId}`, tokenOf(removed));
    expect(after.body.overview.tags).toEqual([]);
    const unknown = await post(`/clients/${tagged.body.clientId}/tags`, { tagId: tag.body.tagId });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('UnknownTag');
  });

  it('a group chart whose creation died midway is finished by the retry with the same ids', async () => {
    const body = { kind: 'family', name: 'Half Done', members: [{ new: { firstName: 'Hal', lastName: 'Done', email: 'hal@example.com' } }, { new: { firstName: 'Fay', lastName: 'Done' } }] };
    const envelope = commandEnvelope({ commandType: 'CreateGroupChart', actorUserId: userId, practiceId, idempotencyKey: 'half-1' });
    // Simulate the death: only the first member's own chart got written.
    const runner = new CommandRunner(app.runtime.eventStore, eventCodec);
    const halId = envelope.newId('member-0');
    await new EmailReservations(runner).reserve('client-email', practiceId, 'hal@example.com', halId, -1, envelope);
    await runner.run(
      chartDecider,
      chartStream(halId),
      { type: 'CreateClient', chartId: halId, practiceId, firstName: 'Hal', lastName: 'Done', email: 'hal@example.com', joinGroup: { groupChartId: envelope.newId('chartId'), groupName: 'Half Done' } },
      envelope,
    );
    const retry = await post('/group-charts', body, { 'Idempotency-Key': 'half-1' });
    expect(retry.status).toBe(201);
    expect(retry.body.chartId).toBe(envelope.newId('chartId'));
    expect(retry.body.memberIds).toEqual([halId, envelope.newId('member-1')]);
    const chart = await get(`/charts/${retry.body.chartId}`, tokenOf(retry));
    expect(chart.body.group.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Hal', 'Fay']);
    const hal = await get(`/charts/${halId}`, tokenOf(retry));
    expect(hal.body).toMatchObject({ profile: { email: 'hal@example.com' }, memberOf: [{ chartId: retry.body.chartId, name: 'Half Done' }] });
    const again = await post('/group-charts', body, { 'Idempotency-Key': 'half-1' });
    expect(again.body).toEqual(retry.body);
  });
});
