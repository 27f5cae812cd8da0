import { practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/**
 * The screens edit one section at a time: PATCH is a JSON merge patch (RFC 7396) of the profile card,
 * the overview or the identity; PUT stays a full replacement.
 */
describe('Client record: PATCH one section as a merge patch (embedded default)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const { url, post, put, get } = practiceRequests(() => ({ app, auth, practiceId }));
  const patch = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.http().patch(url(path)).set(auth).set({ 'Content-Type': 'application/merge-patch+json', ...headers }).send(JSON.stringify(body));
  const head = () => app.runtime.eventStore.headPosition();
  const chartOf = async (id: string, answer: { headers: Record<string, string> }) => (await get(`/charts/${id}`, tokenOf(answer))).body;

  const newClient = async (firstName: string, email: string | null = null) => {
    const created = await post('/clients', { firstName, lastName: 'Patched', ...(email ? { email } : {}) });
    expect(created.status).toBe(201);
    return created.body.clientId as string;
  };

  /** The answer is the problem naming the field, and the log did not move. */
  const refused = async (answer: Promise<{ status: number; body: { errors?: { field: string }[] } }>, status: number, field: string) => {
    const before = await head();
    const response = await answer;
    expect(response.status).toBe(status);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
    expect(await head()).toBe(before);
  };

  describe('the overview', () => {
    const full = { dateOfBirth: '1990-02-28', occupation: 'Engineer', address: { line1: '1 Main St', city: 'Arlington', postalCode: '22201' }, diagnosis: 'F41.1', symptoms: 'worry' };

    it('a PATCH with one field keeps the others (a PUT with one field clears them)', async () => {
      const id = await newClient('Olive');
      expect((await put(`/clients/${id}/overview`, full)).status).toBe(200);
      const patched = await patch(`/clients/${id}/overview`, { occupation: 'Teacher' });
      expect(patched.status).toBe(200);
      expect(patched.headers['content-type']).toMatch(/json/);
      expect((await chartOf(id, patched)).overview).toMatchObject({
        occupation: 'Teacher',
        address: { line1: '1 Main St', city: 'Arlington', postalCode: '22201' },
        diagnosis: 'F41.1',
        symptoms: 'worry',
      });
      expect((await chartOf(id, patched)).profile.dateOfBirth).toBe('1990-02-28');

      const replaced = await put(`/clients/${id}/overview`, { occupation: 'Pilot' });
      expect(replaced.status).toBe(200);
      const chart = await chartOf(id, replaced);
      expect(chart.overview).toMatchObject({ occupation: 'Pilot', diagnosis: null, address: null });
      expect(chart.profile.dateOfBirth).toBeNull();
    });

    it('null clears a field; the address merges field by field; application/json works too', async () => {
      const id = await newClient('Nina');
      expect((await put(`/clients/${id}/overview`, full)).status).toBe(200);
      const cleared = await patch(`/clients/${id}/overview`, { diagnosis: null });
      expect(cleared.status).toBe(200);
      expect((await chartOf(id, cleared)).overview).toMatchObject({ diagnosis: null, occupation: 'Engineer', symptoms: 'worry' });

      const moved = await app.http().patch(url(`/clients/${id}/overview`)).set(auth).send({ address: { city: 'Boston', line2: 'Apt 2', postalCode: null } });
      expect(moved.status).toBe(200);
      const chart = await chartOf(id, moved);
      expect(chart.overview.address).toEqual({ line1: '1 Main St', line2: 'Apt 2', city: 'Boston', region: null, postalCode: null, country: null });
      expect(chart.overview.occupation).toBe('Engineer');
      expect(chart.profile.dateOfBirth).toBe('1990-02-28');
    });

    it('refuses a patch whose merged overview is not valid, naming the field, and appends nothing', async () => {
      const id = await newClient('Ivan');
      await refused(patch(`/clients/${id}/overview`, { address: { city: 'Boston' } }), 400, 'address.line1');
      expect((await put(`/clients/${id}/overview`, full)).status).toBe(200);
      await refused(patch(`/clients/${id}/overview`, { address: { line1: null } }), 400, 'address.line1');
      await refused(patch(`/clients/${id}/overview`, { dateOfBirth: '02/28/1990' }), 400, 'dateOfBirth');
      await refused(patch(`/clients/${id}/overview`, { dateOfBirth: '2999-01-01' }), 422, 'dateOfBirth');
      await refused(patch(`/clients/${id}/overview`, { occupation: 42 }), 400, 'occupation');
      await refused(patch(`/clients/${id}/overview`, { favouriteColour: 'blue' }), 400, 'favouriteColour');
      await refused(patch(`/clients/${id}/overview`, ['occupation']), 400, 'body');
      const text = await app.http().patch(url(`/clients/${id}/overview`)).set(auth).set('Content-Type', 'text/plain').send('occupation=x');
      expect(text.status).toBe(415);
      expect(text.headers['content-type']).toMatch(/application\/problem\+json/);
      const chart = await get(`/charts/${id}`);
      expect(chart.body.overview).toMatchObject({ occupation: 'Engineer', diagnosis: 'F41.1', address: { line1: '1 Main St' } });
    });
  });

  describe('the profile card', () => {
    it('a PATCH with one field keeps the others; null clears; a required field cannot be cleared', async () => {
      const id = await newClient('Paula', 'paula.patch@example.com');
      const card = { firstName: 'Paula', lastName: 'Patched', email: 'paula.patch@example.com', phone: '(415) 555-0132', gender: 'Woman', location: 'Arlington' };
      expect((await put(`/clients/${id}/profile`, card)).status).toBe(200);

      const patched = await patch(`/clients/${id}/profile`, { location: 'Boston' });
      expect(patched.status).toBe(200);
      expect((await chartOf(id, patched)).profile).toMatchObject({ ...card, phone: '+14155550132', location: 'Boston' });

      const cleared = await patch(`/clients/${id}/profile`, { gender: null });
      expect(cleared.status).toBe(200);
      expect((await chartOf(id, cleared)).profile).toMatchObject({ firstName: 'Paula', email: 'paula.patch@example.com', gender: null, location: 'Boston' });

      await refused(patch(`/clients/${id}/profile`, { firstName: null }), 400, 'firstName');
      await refused(patch(`/clients/${id}/profile`, { email: 'not an email' }), 400, 'email');
      await refused(patch(`/clients/${id}/profile`, { phone: '12' }), 422, 'phone');
    });

    it('a PATCH of the email moves its claim like a PUT: the old address is free, a taken one refused', async () => {
      const id = await newClient('Eli', 'eli.old@example.com');
      await newClient('Taken', 'taken.patch@example.com');
      await refused(patch(`/clients/${id}/profile`, { email: 'TAKEN.patch@example.com' }), 409, 'email');
      const moved = await patch(`/clients/${id}/profile`, { email: 'eli.new@example.com' });
      expect(moved.status).toBe(200);
      expect((await chartOf(id, moved)).profile).toMatchObject({ firstName: 'Eli', lastName: 'Patched', email: 'eli.new@example.com' });
      expect((await post('/clients', { firstName: 'Reuse', lastName: 'Old', email: 'eli.old@example.com' })).status).toBe(201);
    });
  });

  describe('the identity', () => {
    it('a PATCH with one field keeps the others; null clears; an invalid merge is refused', async () => {
      const id = await newClient('Ida');
      expect((await put(`/clients/${id}/identity`, { pronouns: 'she/her', legalSex: 'female', genderIdentity: 'woman' })).status).toBe(200);
      const patched = await patch(`/clients/${id}/identity`, { pronouns: 'they/them' });
      expect(patched.status).toBe(200);
      expect((await chartOf(id, patched)).identity).toMatchObject({ pronouns: 'they/them', legalSex: 'female', genderIdentity: 'woman' });
      const cleared = await patch(`/clients/${id}/identity`, { legalSex: null });
      expect((await chartOf(id, cleared)).identity).toMatchObject({ pronouns: 'they/them', legalSex: null, genderIdentity: 'woman' });
      await refused(patch(`/clients/${id}/identity`, { legalSex: 'other' }), 400, 'legalSex');
    });
  });

  describe('If-Match and Idempotency-Key, as on PUT', () => {
    it('a stale If-Match is 412 and appends nothing; the current one applies', async () => {
      const id = await newClient('Mia');
      const first = await put(`/clients/${id}/overview`, { occupation: 'Engineer', diagnosis: 'F41.1' });
      const revision = first.headers.etag;
      const second = await patch(`/clients/${id}/overview`, { occupation: 'Teacher' }, { 'If-Match': revision });
      expect(second.status).toBe(200);
      const before = await head();
      const stale = await patch(`/clients/${id}/overview`, { occupation: 'Pilot' }, { 'If-Match': revision });
      expect(stale.status).toBe(412);
      expect(await head()).toBe(before);
      expect((await chartOf(id, second)).overview).toMatchObject({ occupation: 'Teacher', diagnosis: 'F41.1' });
    });

    it('a retry with the same Idempotency-Key answers as the first time and appends nothing; another body is refused', async () => {
      const id = await newClient('Ken');
      expect((await put(`/clients/${id}/identity`, { pronouns: 'he/him', genderIdentity: 'man' })).status).toBe(200);
      const first = await patch(`/clients/${id}/identity`, { pronouns: 'they/them' }, { 'Idempotency-Key': `ken-${id}` });
      expect(first.status).toBe(200);
      const before = await head();
      const retry = await patch(`/clients/${id}/identity`, { pronouns: 'they/them' }, { 'Idempotency-Key': `ken-${id}` });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const reused = await patch(`/clients/${id}/identity`, { pronouns: 'xe/xem' }, { 'Idempotency-Key': `ken-${id}` });
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IdempotencyKeyReused');
      expect(await head()).toBe(before);
    });
  });

  it("another practice's or an unknown chart is 404; a group chart has no details to patch", async () => {
    expect((await patch(`/clients/00000000-0000-4000-8000-000000000000/overview`, { occupation: 'x' })).status).toBe(404);
    const a = await newClient('Gus');
    const b = await newClient('Gia');
    const group = await post('/group-charts', { kind: 'couple', name: 'The Patches', members: [{ clientId: a }, { clientId: b }] });
    expect(group.status).toBe(201);
    const answer = await patch(`/clients/${group.body.chartId}/overview`, { occupation: 'x' });
    expect(answer.body.code).toBe('GroupChartHasNoDetails');
  });
});
