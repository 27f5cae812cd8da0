import { type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';

/**
 * What an acceptance review as a hostile API consumer found (README and OpenAPI as the contract):
 * each answer is the documented one, a refused request appends nothing, and nothing it let through
 * breaks a projection afterwards.
 */
describe('Acceptance review: hostile input gets the documented answers', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;
  let userId: string;
  let clientId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId, userId } = await practiceSession());
    clientId = (await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: 'Ann', lastName: 'Bee' })).body.clientId;
  });

  afterAll(async () => app.destroy());

  const refusedWithNothingAppended = async (send: () => PromiseLike<{ status: number; headers: Record<string, string>; body: any }>, status: number, code: string, pointer: string) => {
    const before = await app.runtime.eventStore.headPosition();
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await app.runtime.eventStore.headPosition()).toBe(before);
  };

  it('refuses an appointment in the year 0 (422 InvalidDateTime) instead of accepting one the reports projection cannot place', async () => {
    const book = (start: string) =>
      app.http().post(`/practices/${practiceId}/charts/${clientId}/appointments`).set(auth).send({ start, durationMinutes: 50, practitionerId: userId });
    await refusedWithNothingAppended(() => book('0000-01-01T00:00:00Z'), 422, 'InvalidDateTime', '/start');
    await refusedWithNothingAppended(() => book('0999-06-01T10:00:00+02:00'), 422, 'InvalidDateTime', '/start');
    const booked = await book('2026-06-01T10:00:00+02:00');
    expect(booked.status).toBe(201);
    const health = await app.http().get('/health').set('X-Consistency-Token', booked.headers['x-consistency-token']);
    expect(health.body.projector.parked).toBe(0);
  });

  it('counts an emoji in a name as one character, as the OpenAPI maxLength does (200; 60 for tags)', async () => {
    const emoji = (n: number) => '😀'.repeat(n);
    const created = await app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: emoji(150), lastName: 'Bee' });
    expect(created.status).toBe(201);
    const chart = await app.http().get(`/practices/${practiceId}/charts/${created.body.clientId}`).set(auth);
    expect(chart.body.profile.firstName).toBe(emoji(150));
    expect((await app.http().post(`/practices/${practiceId}/tags`).set(auth).send({ name: emoji(60) })).status).toBe(201);
    expect((await app.http().patch('/me').set(auth).send({ firstName: emoji(200) })).status).toBe(200);
    expect((await app.http().post('/practices').set(auth).send({ name: emoji(200) })).status).toBe(201);
    const task = await app.http().post(`/practices/${practiceId}/charts/${clientId}/tasks`).set(auth).send({ title: emoji(200), dueDate: '2026-01-01' });
    expect(task.status).toBe(201);
    await refusedWithNothingAppended(
      () => app.http().post(`/practices/${practiceId}/clients`).set(auth).send({ firstName: emoji(201), lastName: 'Bee' }),
      400,
      'ValidationFailed',
      '/firstName',
    );
  });
});
