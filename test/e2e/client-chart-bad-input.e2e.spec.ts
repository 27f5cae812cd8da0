import { type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

type Method = 'post' | 'put' | 'delete' | 'get';

/** Every client-chart route answers a client's mistake with a 4xx problem naming the field, and appends nothing. */
describe('Client chart routes: bad input (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  let clientId: string;
  let groupId: string;
  let minorId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
    clientId = (await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Bad', lastName: 'Input' })).body.clientId;
    const group = await app.http().post(`/practices/${practiceId}/group-charts`).set(auth).send({ kind: 'couple', name: 'G', members: [{ new: { firstName: 'A', lastName: 'B' } }] });
    groupId = group.body.chartId;
    const minor = await app.http().post(`/practices/${practiceId}/clients/minors`).set(auth).send({ firstName: 'M', lastName: 'N', contacts: [{ new: { firstName: 'P', lastName: 'Q' } }] });
    minorId = minor.body.clientId;
  });

  afterAll(async () => app.destroy());

  const call = (method: Method, path: string, body?: unknown) => {
    const req = app.http()[method](`/practices/${practiceId}${path}`).set(auth);
    return body === undefined ? req : req.set('Content-Type', 'application/json').send(body as object);
  };

  const cases: [string, Method, () => string, unknown, number, string][] = [
    ['minor without contacts', 'post', () => '/clients/minors', { firstName: 'A', lastName: 'B', contacts: [] }, 400, 'contacts'],
    ['minor contact with two references', 'post', () => '/clients/minors', { firstName: 'A', lastName: 'B', contacts: [{ new: { firstName: 'P', lastName: 'Q' }, clientId: '00000000-0000-4000-8000-000000000000' }] }, 400, 'contacts.0'],
    ['minor contact of an unknown client', 'post', () => '/clients/minors', { firstName: 'A', lastName: 'B', contacts: [{ clientId: '00000000-0000-4000-8000-000000000000' }] }, 422, 'contacts.0.clientId'],
    ['minor contact with a bad phone', 'post', () => '/clients/minors', { firstName: 'A', lastName: 'B', contacts: [{ new: { firstName: 'P', lastName: 'Q', phone: '12' } }] }, 422, 'contacts.0.phone'],
    ['minor with a bad portal access', 'post', () => '/clients/minors', { firstName: 'A', lastName: 'B', contacts: [{ new: { firstName: 'P', lastName: 'Q' } }], portalAccess: 'all' }, 400, 'portalAccess'],
    ['group of an unknown kind', 'post', () => '/group-charts', { kind: 'team', name: 'G', members: [{ new: { firstName: 'A', lastName: 'B' } }] }, 400, 'kind'],
    ['group with a blank member name', 'post', () => '/group-charts', { kind: 'couple', name: 'G', members: [{ new: { firstName: ' ', lastName: 'B' } }] }, 422, 'members.0.firstName'],
    ['group with two identified patients', 'post', () => '/group-charts', { kind: 'couple', name: 'G', members: [{ new: { firstName: 'A', lastName: 'B' }, identifiedPatient: true }, { new: { firstName: 'C', lastName: 'D' }, identifiedPatient: true }] }, 422, 'members.identifiedPatient'],
    ['group with a group as member', 'post', () => '/group-charts', () => ({ kind: 'couple', name: 'G', members: [{ clientId: groupId }] }), 422, 'members.0.clientId'],
    ['group with an unknown field', 'post', () => '/group-charts', { kind: 'couple', name: 'G', members: [{ new: { firstName: 'A', lastName: 'B' } }], admin: true }, 400, 'admin'],
    ['profile with a bad phone', 'put', () => `/clients/${clientId}/profile`, { firstName: 'A', lastName: 'B', phone: 'call me' }, 422, 'phone'],
    ['profile without a name', 'put', () => `/clients/${clientId}/profile`, { email: 'x@example.com' }, 400, 'firstName'],
    ['overview with a bad date', 'put', () => `/clients/${clientId}/overview`, { dateOfBirth: '01/02/1990' }, 400, 'dateOfBirth'],
    ['overview with a future date', 'put', () => `/clients/${clientId}/overview`, { dateOfBirth: '2999-01-01' }, 422, 'dateOfBirth'],
    ['overview address without a line', 'put', () => `/clients/${clientId}/overview`, { address: { city: 'X' } }, 400, 'address.line1'],
    ['identity with an unknown legal sex', 'put', () => `/clients/${clientId}/identity`, { legalSex: 'other' }, 400, 'legalSex'],
    ['photo without a reference', 'put', () => `/clients/${clientId}/photo`, {}, 400, 'photoRef'],
    ['tag that is not an id', 'post', () => `/clients/${clientId}/tags`, { tagId: 'depression' }, 400, 'tagId'],
    ['untag with a bad id', 'delete', () => `/clients/${clientId}/tags/nope`, undefined, 400, 'tagId'],
    ['unknown setup step', 'post', () => `/clients/${clientId}/setup/steps/payroll`, undefined, 400, 'step'],
    ['invite without an email', 'post', () => `/clients/${clientId}/portal/invitation`, undefined, 409, 'email'],
    ['portal access not a boolean', 'put', () => `/clients/${clientId}/portal/access`, { enabled: 'yes' }, 400, 'enabled'],
    ['minor access on an individual', 'put', () => `/clients/${clientId}/portal/minor-access`, { access: 'both' }, 409, ''],
    ['minor access unknown', 'put', () => `/clients/${minorId}/portal/minor-access`, { access: 'parents' }, 400, 'access'],
    ['member with no reference', 'post', () => `/charts/${groupId}/members`, { receivesReminders: true }, 400, 'member'],
    ['member settings missing', 'put', () => `/charts/${groupId}/members/${clientId}/settings`, { receivesReminders: true }, 400, 'receivesSessionBridging'],
    ['member settings of a non-member', 'put', () => `/charts/${groupId}/members/${clientId}/settings`, { receivesReminders: true, receivesSessionBridging: false, groupPortalAccess: false }, 422, 'clientId'],
    ['identified patient not a member', 'put', () => `/charts/${groupId}/identified-patient`, () => ({ clientId }), 422, 'clientId'],
    ['billing contact not an id', 'put', () => `/charts/${groupId}/billing-contact`, { clientId: 'x' }, 400, 'clientId'],
    ['remove a non-member', 'delete', () => `/charts/${groupId}/members/${clientId}`, undefined, 422, 'clientId'],
    ['contact of an unknown contact', 'post', () => `/clients/${clientId}/contacts`, { contactId: '00000000-0000-4000-8000-000000000000' }, 422, 'contact.contactId'],
    ['contact roles incomplete', 'put', () => `/clients/${clientId}/contacts/00000000-0000-4000-8000-000000000000/roles`, { billing: true }, 400, 'signsDocuments'],
    ['contact roles of a stranger', 'put', () => `/clients/${clientId}/contacts/00000000-0000-4000-8000-000000000000/roles`, { billing: true, signsDocuments: false, receivesReminders: false, viewsUpcomingAppointments: false }, 404, 'contactId'],
    ['remove a contact by a bad id', 'delete', () => `/clients/${clientId}/contacts/12`, undefined, 400, 'contactId'],
    ['appointment with a bad start', 'post', () => `/charts/${clientId}/appointments`, { start: 'tomorrow', durationMinutes: 50, practitionerId: '00000000-0000-4000-8000-000000000000' }, 400, 'start'],
    ['appointment too long', 'post', () => `/charts/${clientId}/appointments`, { start: '2030-01-01T10:00:00Z', durationMinutes: 1000, practitionerId: '00000000-0000-4000-8000-000000000000' }, 400, 'durationMinutes'],
    ['appointment with a stranger', 'post', () => `/charts/${clientId}/appointments`, { start: '2030-01-01T10:00:00Z', durationMinutes: 50, practitionerId: '00000000-0000-4000-8000-000000000000' }, 422, 'practitionerId'],
    ['cancel a bad appointment id', 'post', () => `/charts/${clientId}/appointments/x/cancel`, undefined, 400, 'appointmentId'],
    ['complete an unknown appointment', 'post', () => `/charts/${clientId}/appointments/00000000-0000-4000-8000-000000000000/complete`, undefined, 404, ''],
    ['tag without a name', 'post', () => '/tags', { name: '' }, 400, 'name'],
    ['rename an unknown tag', 'put', () => '/tags/00000000-0000-4000-8000-000000000000', { name: 'X' }, 404, ''],
    ['remove a tag by a bad id', 'delete', () => '/tags/x', undefined, 400, 'tagId'],
    ['contact with a bad email', 'post', () => '/contacts', { firstName: 'A', lastName: 'B', email: 'nope' }, 400, 'email'],
    ['edit an unknown contact', 'put', () => '/contacts/00000000-0000-4000-8000-000000000000', { firstName: 'A', lastName: 'B' }, 404, ''],
    ['list filtered by an unknown kind', 'get', () => '/clients?kind=team', undefined, 400, 'kind'],
    ['list filtered by a tag that is not an id', 'get', () => '/clients?tag=depression', undefined, 400, 'tag'],
    ['list with a bad incomplete flag', 'get', () => '/clients?incomplete=maybe', undefined, 400, 'incomplete'],
    ['delete an unknown client', 'delete', () => '/clients/00000000-0000-4000-8000-000000000000', undefined, 404, ''],
  ];

  it.each(cases)('%s', async (_name, method, path, body, status, field) => {
    const before = await app.runtime.eventStore.headPosition();
    const response = await call(method, path(), typeof body === 'function' ? body() : body);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code: expect.any(String) });
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  });
});
