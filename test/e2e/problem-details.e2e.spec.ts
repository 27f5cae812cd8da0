import { type TestApp } from '../support/test-app';
import { practiceSession } from '../support/practice-session';
import { problemTypeOf, problemTypeUri, type ProblemCode } from '../../apps/command-api/src/http/problem-types';

/** Real answers are RFC 9457 problems: type, a stable title, status, detail, instance, the code, and pointers. */
describe('problem details (RFC 9457)', () => {
  let app: TestApp;
  let auth: { Authorization: string };
  let practiceId: string;

  beforeAll(async () => {
    ({ app, auth, practiceId } = await practiceSession());
  });

  afterAll(async () => app.destroy());

  const expectProblem = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, code: ProblemCode, instance: string) => {
    const entry = problemTypeOf(code);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.status).toBe(entry.status);
    expect(response.body).toMatchObject({ type: problemTypeUri(code), title: entry.title, status: entry.status, code, instance });
    expect(typeof response.body.detail).toBe('string');
  };

  it('validation names nested fields by JSON Pointer (and keeps the dotted field)', async () => {
    const path = `/practices/${practiceId}/clients/minors`;
    const response = await app.http().post(path).set(auth).send({ firstName: 'Tim', lastName: 'Smith', contacts: [{ new: { lastName: 'Smith' }, relationship: 'father' }] });
    expectProblem(response, 'ValidationFailed', path);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/contacts/0/new/firstName', field: 'contacts.0.new.firstName' })]));
  });

  it('an unknown route is 404 with a stable title; the occurrence is in detail', async () => {
    const one = await app.http().get('/nope?who=ada').set(auth);
    const other = await app.http().delete('/elsewhere').set(auth);
    expectProblem(one, 'NotFound', '/nope');
    expectProblem(other, 'NotFound', '/elsewhere');
    expect(one.body.title).toBe(other.body.title);
    expect(one.body.detail).toContain('/nope');
    expect(JSON.stringify(one.body)).not.toContain('ada');
  });

  it('409 ClientLinkedToOtherCharts keeps its charts; the names are in detail, not in the title', async () => {
    const base = `/practices/${practiceId}`;
    const anna = await app.http().post(`${base}/clients`).set(auth).send({ firstName: 'Anna', lastName: 'Lee' });
    const couple = await app.http().post(`${base}/group-charts`).set(auth).send({ kind: 'couple', name: 'The Lees', members: [{ clientId: anna.body.clientId }, { new: { firstName: 'Ben', lastName: 'Lee' } }] });
    expect(couple.status).toBe(201);
    const refused = await app.http().delete(`${base}/clients/${anna.body.clientId}`).set(auth);
    expectProblem(refused, 'ClientLinkedToOtherCharts', `${base}/clients/${anna.body.clientId}`);
    expect(refused.body.charts).toEqual([{ chartId: couple.body.chartId, name: 'The Lees', as: 'member' }]);
    expect(refused.body.title).not.toContain('The Lees');
    expect(refused.body.detail).toContain('The Lees');
  });

  it('412 on a stale If-Match names the current revision', async () => {
    const base = `/practices/${practiceId}`;
    const grace = await app.http().post(`${base}/clients`).set(auth).send({ firstName: 'Grace', lastName: 'Hopper' });
    const path = `${base}/clients/${grace.body.clientId}/legal-name`;
    const stale = await app.http().put(path).set(auth).set('If-Match', '"7"').send({ firstName: 'Grace B', lastName: 'Hopper' });
    expectProblem(stale, 'RevisionMismatch', path);
    expect(stale.body.currentRevision).toBe(0);
  });

  it('problems answered before routing (malformed JSON, 405) are problems too', async () => {
    const path = `/practices/${practiceId}/clients`;
    const malformed = await app.http().post(path).set(auth).set('content-type', 'application/json').send('{"firstName":');
    expectProblem(malformed, 'MalformedJson', path);
    const method = await app.http().patch(path).set(auth);
    expectProblem(method, 'MethodNotAllowed', path);
  });

  it('a bad header is named as a header, a bad query parameter as a parameter', async () => {
    const path = `/practices/${practiceId}/clients`;
    const header = await app.http().get(path).set(auth).set('X-Consistency-Token', 'soon');
    expectProblem(header, 'InvalidConsistencyToken', path);
    expect(header.body.errors).toEqual([expect.objectContaining({ header: 'X-Consistency-Token', field: 'X-Consistency-Token' })]);
    const query = await app.http().get(`${path}?limit=0`).set(auth);
    expectProblem(query, 'ValidationFailed', path);
    expect(query.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ parameter: 'limit', field: 'limit' })]));
  });
});
