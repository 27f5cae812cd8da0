import { signedInUser, createdPractice, practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { practiceSession, staffOf } from '../support/practice-session';
import { psychotherapy } from '../support/billing-fixtures';

/** Settings > Services: the service catalogue of a practice. */
describe('Billing: the service catalogue (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const { url, post, put, del, get } = practiceRequests(() => ({ app, auth, practiceId }));
  const head = () => app.runtime.eventStore.headPosition();

  it('adds, lists (by name, keyset-paged), changes and retires services', async () => {
    const added = await post('/services', psychotherapy);
    expect(added.status).toBe(201);
    const intake = await post('/services', { ...psychotherapy, name: 'Intake', code: '90791' });
    const changed = await put(`/services/${added.body.serviceId}`, { ...psychotherapy, rate: { amount: 16000, currency: 'USD' } });
    expect(changed.status).toBe(200);
    const retired = await del(`/services/${intake.body.serviceId}`);
    expect(retired.status).toBe(200);

    const first = await get('/services?limit=1', tokenOf(retired));
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([expect.objectContaining({ serviceId: intake.body.serviceId, name: 'Intake', retired: true })]);
    const second = await get(`/services?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toEqual([{ serviceId: added.body.serviceId, name: psychotherapy.name, code: '90837', durationMinutes: 60, rate: { amount: 16000, currency: 'USD' }, retired: false }]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses bad input naming the field, and appends nothing', async () => {
    const before = await head();
    const cases: [object, number, string][] = [
      [{ ...psychotherapy, code: '9083' }, 400, 'code'],
      [{ ...psychotherapy, code: 'ABCDE' }, 422, 'code'],
      [{ ...psychotherapy, rate: { amount: 10.5, currency: 'USD' } }, 400, 'rate.amount'],
      [{ ...psychotherapy, rate: { amount: 100, currency: 'usd' } }, 400, 'rate.currency'],
      [{ ...psychotherapy, rate: { amount: 100, currency: 'XYZ' } }, 422, 'rate.currency'],
      [{ ...psychotherapy, durationMinutes: 2 }, 400, 'durationMinutes'],
      [{ ...psychotherapy, name: '   ' }, 422, 'name'],
    ];
    for (const [body, status, field] of cases) {
      const refused = await post('/services', body);
      expect([refused.status, refused.headers['content-type']]).toEqual([status, expect.stringMatching(/application\/problem\+json/)]);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await put('/services/not-a-uuid', psychotherapy)).status).toBe(400);
    expect((await put('/services/00000000-0000-4000-8000-000000000000', psychotherapy)).body.code).toBe('ServiceNotFound');
    expect(await head()).toBe(before);
  });

  it("answers 404 for another practice's services and appends nothing", async () => {
    const other = await signedInUser(app, 'Olive');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const theirs = await app.http().post(`/practices/${otherPractice}/services`).set(other.auth).send(psychotherapy);
    const before = await head();
    const changed = await put(`/services/${theirs.body.serviceId}`, psychotherapy);
    expect([changed.status, changed.body.code]).toEqual([404, 'ServiceNotFound']);
    expect((await app.http().post(`/practices/${otherPractice}/services`).set(auth).send(psychotherapy)).status).toBe(404);
    expect(await head()).toBe(before);
  });

  it('lets owners, admins and billers manage the catalogue; every role reads it', async () => {
    const staff = await staffOf(app, practiceId, auth);
    for (const [role, roleAuth] of Object.entries(staff)) {
      const added = await app.http().post(url('/services')).set(roleAuth).send({ ...psychotherapy, name: `By ${role}` });
      expect([role, added.status]).toEqual([role, ['admin', 'biller'].includes(role) ? 201 : 403]);
      if (added.status === 403) expect(added.body.permission).toBe('billing:manage');
      expect((await app.http().get(url('/services')).set(roleAuth)).status).toBe(200);
    }
  });
});
