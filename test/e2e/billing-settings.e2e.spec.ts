import { signedInUser, createdPractice, practiceRequests, type TestApp } from '../support/test-app';
import { practiceSession, staffOf } from '../support/practice-session';
import { psychotherapy } from '../support/billing-fixtures';

const policy = {
  rank: 'primary', payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', groupNumber: 'G-100',
  subscriberRelationship: 'self', effectiveFrom: '2024-01-01',
};

/** A client's billing data: the wizard's Billing Settings, Default Service and Insurance Policies. */
describe('Billing: billing settings and insurance policies (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  let serviceId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
    serviceId = (await post('/services', psychotherapy)).body.serviceId;
  });

  afterAll(async () => app.destroy());

  const { url, post, put, del, get } = practiceRequests(() => ({ app, auth, practiceId }));
  const patch = (path: string, body: object) => app.http().patch(url(path)).set(auth).send(body);
  const head = () => app.runtime.eventStore.headPosition();
  const client = async (firstName = 'Ada') => (await post('/clients', { firstName, lastName: 'Lovelace' })).body.clientId as string;

  it('records the settings and policies of an individual, and reads them back', async () => {
    const c = await client();
    const set = await put(`/charts/${c}/billing-settings`, { payer: 'insurance', defaultServiceId: serviceId, billTo: 'client' });
    expect(set.status).toBe(200);
    const added = await post(`/charts/${c}/insurance-policies`, policy);
    expect(added.status).toBe(201);
    const secondary = await post(`/charts/${c}/insurance-policies`, { ...policy, rank: 'secondary', subscriberRelationship: 'spouse', subscriberName: { firstName: 'Sam', lastName: 'Lovelace' }, subscriberDateOfBirth: '1980-03-04' });
    expect(secondary.status).toBe(201);
    const patched = await patch(`/charts/${c}/insurance-policies/${added.body.policyId}`, { memberId: 'W2', effectiveTo: '2024-12-31' });
    expect(patched.status).toBe(200);
    expect((await del(`/charts/${c}/insurance-policies/${secondary.body.policyId}`)).status).toBe(200);

    const billing = await get(`/charts/${c}/billing-settings`);
    expect(billing.status).toBe(200);
    expect(billing.body).toMatchObject({
      chartId: c,
      kind: 'individual',
      settings: { payer: 'insurance', defaultServiceId: serviceId, billTo: 'client', billingContactId: null },
      policies: [{ policyId: added.body.policyId, memberId: 'W2', effectiveTo: '2024-12-31', subscriberName: null }],
      insurance: { chartId: c },
    });
  });

  it("bills a minor's linked contact, and a group's Billing Contact against its Identified Patient's insurance", async () => {
    const minor = await post('/clients/minors', { firstName: 'Tim', lastName: 'Smith', contacts: [{ new: { firstName: 'Bob', lastName: 'Smith' }, billing: true }] });
    const contactId = minor.body.contactIds[0];
    expect((await put(`/charts/${minor.body.clientId}/billing-settings`, { payer: 'private-pay', billTo: 'contact', billingContactId: contactId })).status).toBe(200);

    const jane = await client('Jane');
    await post(`/charts/${jane}/insurance-policies`, policy);
    const couple = await post('/group-charts', { kind: 'couple', name: 'The Smiths', members: [{ clientId: jane, identifiedPatient: true }, { new: { firstName: 'John', lastName: 'Smith' }, billingContact: true }] });
    const groupId = couple.body.chartId;
    expect((await put(`/charts/${groupId}/billing-settings`, { payer: 'insurance', billTo: 'group-billing-contact' })).status).toBe(200);
    const billing = await get(`/charts/${groupId}/billing-settings`);
    expect(billing.body).toMatchObject({ kind: 'group', policies: [], billedMemberId: couple.body.memberIds[1], insurance: { chartId: jane, policies: [expect.objectContaining({ payerName: 'Aetna' })] } });

    // Shared billing is not supported: a group chart bills one member, and keeps no policies of its own.
    const before = await head();
    const split = await put(`/charts/${groupId}/billing-settings`, { payer: 'private-pay', billTo: 'client' });
    expect([split.status, split.body.code, split.body.errors[0].field]).toEqual([422, 'InvalidBillTo', 'billTo']);
    expect((await post(`/charts/${groupId}/insurance-policies`, policy)).body.code).toBe('GroupChartHasNoDetails');
    expect(await head()).toBe(before);
  });

  it('refuses bad input naming the field, and appends nothing', async () => {
    const c = await client();
    const policyId = (await post(`/charts/${c}/insurance-policies`, policy)).body.policyId;
    await del(`/services/${(await post('/services', { ...psychotherapy, name: 'Old' })).body.serviceId}`);
    const before = await head();
    const cases: [string, string, object, number, string, string][] = [
      ['put', `/charts/${c}/billing-settings`, { payer: 'barter', billTo: 'client' }, 400, 'ValidationFailed', 'payer'],
      ['put', `/charts/${c}/billing-settings`, { payer: 'private-pay', billTo: 'client', defaultServiceId: '00000000-0000-4000-8000-000000000000' }, 422, 'UnknownService', 'defaultServiceId'],
      ['put', `/charts/${c}/billing-settings`, { payer: 'private-pay', billTo: 'contact', billingContactId: '00000000-0000-4000-8000-000000000000' }, 422, 'InvalidBillTo', 'billTo'],
      ['post', `/charts/${c}/insurance-policies`, { ...policy, effectiveFrom: '2024-13-01' }, 422, 'InvalidDate', 'effectiveFrom'],
      ['post', `/charts/${c}/insurance-policies`, { ...policy, effectiveFrom: 'soon' }, 400, 'ValidationFailed', 'effectiveFrom'],
      ['post', `/charts/${c}/insurance-policies`, { ...policy, effectiveTo: '2023-01-01' }, 422, 'InvalidEffectiveDates', 'effectiveTo'],
      ['post', `/charts/${c}/insurance-policies`, { ...policy, subscriberRelationship: 'child' }, 422, 'SubscriberRequired', 'subscriberName'],
      ['post', `/charts/${c}/insurance-policies`, { ...policy, memberId: '' }, 400, 'ValidationFailed', 'memberId'],
      ['post', `/charts/${c}/insurance-policies`, policy, 409, 'InsuranceRankTaken', 'rank'],
      ['patch', `/charts/${c}/insurance-policies/${policyId}`, { rank: null }, 400, 'ValidationFailed', 'rank'],
    ];
    for (const [method, path, body, status, code, field] of cases) {
      const refused = method === 'put' ? await put(path, body) : method === 'post' ? await post(path, body) : await patch(path, body);
      expect([path, refused.status, refused.body.code]).toEqual([path, status, code]);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await del(`/charts/${c}/insurance-policies/00000000-0000-4000-8000-000000000000`)).body.code).toBe('InsurancePolicyNotFound');
    expect(await head()).toBe(before);
  });

  it("answers 404 for another practice's charts and services, and appends nothing", async () => {
    const other = await signedInUser(app, 'Olive');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const theirs = (await app.http().post(`/practices/${otherPractice}/clients`).set(other.auth).send({ firstName: 'Their', lastName: 'Client' })).body.clientId;
    const theirService = (await app.http().post(`/practices/${otherPractice}/services`).set(other.auth).send(psychotherapy)).body.serviceId;
    const mine = await client();
    const before = await head();
    expect((await put(`/charts/${theirs}/billing-settings`, { payer: 'private-pay', billTo: 'client' })).status).toBe(404);
    expect((await post(`/charts/${theirs}/insurance-policies`, policy)).status).toBe(404);
    expect((await get(`/charts/${theirs}/billing-settings`)).status).toBe(404);
    const foreignService = await put(`/charts/${mine}/billing-settings`, { payer: 'private-pay', billTo: 'client', defaultServiceId: theirService });
    expect([foreignService.status, foreignService.body.code]).toEqual([422, 'UnknownService']);
    expect(await head()).toBe(before);
  });

  it('lets owners, admins, clinicians and billers write billing data; schedulers neither read nor write it', async () => {
    const staff = await staffOf(app, practiceId, auth);
    const c = await client();
    for (const [role, roleAuth] of Object.entries(staff)) {
      const allowed = role !== 'scheduler';
      const set = await app.http().put(url(`/charts/${c}/billing-settings`)).set(roleAuth).send({ payer: 'private-pay', billTo: 'client', defaultServiceId: role === 'admin' ? serviceId : null });
      expect([role, set.status]).toEqual([role, allowed ? 200 : 403]);
      expect([role, (await app.http().get(url(`/charts/${c}/billing-settings`)).set(roleAuth)).status]).toEqual([role, allowed ? 200 : 403]);
      const added = await app.http().post(url(`/charts/${c}/insurance-policies`)).set(roleAuth).send({ ...policy, rank: 'secondary', effectiveFrom: `20${10 + Object.keys(staff).indexOf(role)}-01-01`, effectiveTo: `20${10 + Object.keys(staff).indexOf(role)}-12-31` });
      expect([role, added.status]).toEqual([role, allowed ? 201 : 403]);
      if (!allowed) expect(added.body.permission).toBe('billing:write');
    }
  });
});
