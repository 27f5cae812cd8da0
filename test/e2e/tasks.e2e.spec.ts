import { signedInUser, createdPractice, practiceRequests, tokenOf, type TestApp } from '../support/test-app';
import { memberWithRole, practiceSession, type StaffRole } from '../support/practice-session';

type Auth = { Authorization: string };

/** Tasks on charts: the routes, the assignee rules, bad input, other practices, roles, the overdue list. */
describe('Tasks (embedded default)', () => {
  let app: TestApp;
  let auth: Auth;
  let userId: string;
  let practiceId: string;
  let clientId: string;
  let minorId: string;
  let contactId: string;
  let groupId: string;
  let memberId: string;

  beforeAll(async () => {
    ({ app, auth, userId, practiceId } = await practiceSession({ owner: 'Olive' }));
    clientId = (await post('/clients', { firstName: 'Grace', lastName: 'Hopper' })).body.clientId;
    const minor = await post('/clients/minors', { firstName: 'Tim', lastName: 'Smith', contacts: [{ new: { firstName: 'Bob', lastName: 'Smith' }, billing: true }] });
    minorId = minor.body.clientId;
    contactId = minor.body.contactIds[0];
    const group = await post('/group-charts', { kind: 'couple', name: 'The Smiths', members: [{ clientId }, { new: { firstName: 'Jane', lastName: 'Smith' } }] });
    groupId = group.body.chartId;
    memberId = group.body.memberIds[1];
  });

  afterAll(async () => app.destroy());

  const { url, post, put, get } = practiceRequests(() => ({ app, auth, practiceId }));
  const head = () => app.runtime.eventStore.headPosition();
  const task = (overrides: object = {}) => ({ title: 'Thought record', description: 'Three times this week', dueDate: '2999-01-15', ...overrides });
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it('assigns a task to the client, lists it, edits it with If-Match, completes, cancels and reopens it', async () => {
    const created = await post(`/charts/${clientId}/tasks`, task());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ taskId: expect.any(String), chartId: clientId, revision: 0, position: expect.any(Number) });
    expect(created.headers.etag).toBe('"0"');
    const { taskId } = created.body;
    expect(created.headers.location).toBe(url(`/charts/${clientId}/tasks/${taskId}`));

    const list = await get(`/charts/${clientId}/tasks`, tokenOf(created));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ taskId, chartId: clientId, assignee: { kind: 'client' }, title: 'Thought record', dueDate: '2999-01-15', status: 'open', overdue: false, completedBy: null }),
    ]);
    const one = await get(`/charts/${clientId}/tasks/${taskId}`, tokenOf(created));
    expect(one.status).toBe(200);
    expect(one.headers.etag).toBe('"0"');

    const edited = await put(`/charts/${clientId}/tasks/${taskId}`, { title: 'Breathing', dueDate: '2999-02-01' }, { 'If-Match': '"0"' });
    expect(edited.status).toBe(200);
    expect(edited.body.revision).toBe(1);
    const before = await head();
    const stale = await put(`/charts/${clientId}/tasks/${taskId}`, { title: 'Other', dueDate: '2999-02-01' }, { 'If-Match': '"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('RevisionMismatch');
    expect(await head()).toBe(before);

    const done = await post(`/charts/${clientId}/tasks/${taskId}/complete`);
    expect(done.status).toBe(200);
    const read = await get(`/charts/${clientId}/tasks/${taskId}`, tokenOf(done));
    expect(read.body).toMatchObject({ assignedBy: userId, title: 'Breathing', description: null, status: 'done', completedBy: { kind: 'staff', userId }, completedAt: expect.any(String) });

    const refused = await post(`/charts/${clientId}/tasks/${taskId}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TaskClosed');
    expect((await post(`/charts/${clientId}/tasks/${taskId}/reopen`)).status).toBe(200);
    const cancelled = await post(`/charts/${clientId}/tasks/${taskId}/cancel`);
    expect(cancelled.status).toBe(200);
    const byStatus = await get(`/charts/${clientId}/tasks?status=cancelled`, tokenOf(cancelled));
    expect(byStatus.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([taskId]);
    expect((await get(`/charts/${clientId}/tasks?status=open`, tokenOf(cancelled))).body.items).toEqual([]);

    const events = await app.runtime.eventStore.readStream(`task-${taskId}`);
    expect(events.map((e) => e.type)).toEqual(['TaskAssigned', 'TaskEdited', 'TaskCompleted', 'TaskReopened', 'TaskCancelled']);
    expect(events[2].data).toEqual({ taskId, chartId: clientId, completedBy: { kind: 'staff', userId } });

    const reads = await get(`/charts/${clientId}/reads`);
    expect(reads.body.reads.map((r: { view: string }) => r.view)).toContain('tasks');
  });

  it("assigns to a minor's linked contact or a group chart's member, and refuses any other assignee with nothing appended", async () => {
    const toContact = await post(`/charts/${minorId}/tasks`, task({ assignee: { kind: 'contact', contactId } }));
    expect(toContact.status).toBe(201);
    expect((await post(`/charts/${minorId}/tasks`, task())).status).toBe(201);
    const toMember = await post(`/charts/${groupId}/tasks`, task({ assignee: { kind: 'member', clientId: memberId } }));
    expect(toMember.status).toBe(201);
    const list = await get(`/charts/${groupId}/tasks`, tokenOf(toMember));
    expect(list.body.items.map((i: { assignee: unknown }) => i.assignee)).toEqual([{ kind: 'member', clientId: memberId }]);

    const before = await head();
    const refusals: [string, object, string, string][] = [
      [minorId, { kind: 'contact', contactId: clientId }, 'UnknownContact', 'assignee.contactId'],
      [clientId, { kind: 'contact', contactId }, 'InvalidAssignee', 'assignee.kind'],
      [groupId, { kind: 'client' }, 'InvalidAssignee', 'assignee.kind'],
      [groupId, { kind: 'member', clientId: minorId }, 'NotAMember', 'assignee.clientId'],
    ];
    for (const [chartId, assignee, code, field] of refusals) {
      const refused = await post(`/charts/${chartId}/tasks`, task({ assignee }));
      expect([refused.status, refused.body.code]).toEqual([422, code]);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(refused.body)).toContain(field);
    }
    expect(await head()).toBe(before);
  });

  it('answers bad input with a problem naming the field, and appends nothing', async () => {
    const created = await post(`/charts/${clientId}/tasks`, task());
    const { taskId } = created.body;
    const before = await head();
    const cases: [() => Promise<{ status: number; body: { code: string; errors?: { field: string }[] } }>, number, string][] = [
      [() => post(`/charts/${clientId}/tasks`, { dueDate: '2999-01-01' }), 400, 'title'],
      [() => post(`/charts/${clientId}/tasks`, task({ title: '   ' })), 422, 'title'],
      [() => post(`/charts/${clientId}/tasks`, task({ dueDate: 'next week' })), 400, 'dueDate'],
      [() => post(`/charts/${clientId}/tasks`, task({ dueDate: '2026-02-30' })), 422, 'dueDate'],
      [() => post(`/charts/${clientId}/tasks`, task({ description: 'x'.repeat(4001) })), 400, 'description'],
      [() => post(`/charts/${clientId}/tasks`, task({ assignee: { kind: 'contact' } })), 400, 'assignee.contactId'],
      [() => post(`/charts/${clientId}/tasks`, task({ assignee: { kind: 'someone' } })), 400, 'assignee.kind'],
      [() => post(`/charts/${clientId}/tasks`, task({ assignee: null })), 400, 'assignee'],
      [() => post(`/charts/${clientId}/tasks`, task({ status: 'done' })), 400, 'status'],
      [() => put(`/charts/${clientId}/tasks/${taskId}`, { title: 'x' }), 400, 'dueDate'],
      [() => post(`/charts/${clientId}/tasks/not-a-uuid/complete`), 400, 'taskId'],
      [() => get(`/charts/${clientId}/tasks?status=late`), 400, 'status'],
    ];
    for (const [send, status, field] of cases) {
      const answer = await send();
      expect([answer.status, fieldsOf(answer.body)]).toEqual([status, expect.arrayContaining([field])]);
    }
    const unknown = await post(`/charts/${clientId}/tasks/${crypto.randomUUID()}/complete`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'TaskNotFound']);
    expect(await head()).toBe(before);
  });

  it('a retry with the same Idempotency-Key assigns once and answers as the first time', async () => {
    const key = { 'Idempotency-Key': `task-${Date.now()}` };
    const first = await post(`/charts/${clientId}/tasks`, task({ title: 'Once' }), key);
    expect(first.status).toBe(201);
    const before = await head();
    const again = await post(`/charts/${clientId}/tasks`, task({ title: 'Once' }), key);
    expect([again.status, again.body]).toEqual([201, first.body]);
    expect(await head()).toBe(before);
    const other = await post(`/charts/${clientId}/tasks`, task({ title: 'Twice' }), key);
    expect([other.status, other.body.code]).toEqual([422, 'IdempotencyKeyReused']);
    expect(await head()).toBe(before);
  });

  it("another practice's charts and tasks are not found (404), and nothing is appended", async () => {
    const created = await post(`/charts/${clientId}/tasks`, task());
    const { taskId } = created.body;
    const other = await signedInUser(app, 'Mallory');
    const otherPractice = await createdPractice(app, other.auth, 'Elsewhere');
    const otherClient = (await app.http().post(`/practices/${otherPractice}/clients`).set(other.auth).send({ firstName: 'Eve', lastName: 'Other' })).body.clientId;
    const there = (path: string) => `/practices/${otherPractice}${path}`;
    const before = await head();
    const attempts = [
      app.http().post(there(`/charts/${clientId}/tasks`)).set(other.auth).send(task()),
      app.http().get(there(`/charts/${clientId}/tasks`)).set(other.auth),
      app.http().get(there(`/charts/${clientId}/tasks/${taskId}`)).set(other.auth),
      app.http().post(there(`/charts/${clientId}/tasks/${taskId}/complete`)).set(other.auth),
      app.http().put(there(`/charts/${clientId}/tasks/${taskId}`)).set(other.auth).send({ title: 'Mine', dueDate: '2999-01-01' }),
      // Their own chart with our task id: the task is not on that chart.
      app.http().post(there(`/charts/${otherClient}/tasks/${taskId}/cancel`)).set(other.auth),
      app.http().get(there(`/charts/${otherClient}/tasks/${taskId}`)).set(other.auth),
      // Our practice, as someone who is not a member of it.
      app.http().post(`/practices/${practiceId}/charts/${clientId}/tasks`).set(other.auth).send(task()),
      app.http().get(`/practices/${practiceId}/tasks/overdue`).set(other.auth),
    ];
    for (const attempt of attempts) {
      const answer = await attempt;
      expect(answer.status).toBe(404);
      expect(['ChartNotFound', 'TaskNotFound', 'PracticeNotFound']).toContain(answer.body.code);
    }
    expect(await head()).toBe(before);
  });

  it('lets clinicians write tasks, billers only read them, schedulers neither', async () => {
    const created = await post(`/charts/${clientId}/tasks`, task());
    const { taskId } = created.body;
    const member = async (role: StaffRole) => (await memberWithRole(app, practiceId, auth, role, role)).auth;
    const as = (who: Auth) => ({
      assign: () => app.http().post(url(`/charts/${clientId}/tasks`)).set(who).send(task()),
      complete: () => app.http().post(url(`/charts/${clientId}/tasks/${taskId}/complete`)).set(who),
      list: () => app.http().get(url(`/charts/${clientId}/tasks`)).set(who),
      overdue: () => app.http().get(url('/tasks/overdue')).set(who),
    });
    const clinician = as(await member('clinician'));
    expect((await clinician.assign()).status).toBe(201);
    expect((await clinician.list()).status).toBe(200);

    const before = await head();
    const biller = as(await member('biller'));
    expect((await biller.list()).status).toBe(200);
    expect((await biller.overdue()).status).toBe(200);
    const billerWrite = await biller.assign();
    expect([billerWrite.status, billerWrite.body.code]).toEqual([403, 'Forbidden']);
    expect((await biller.complete()).status).toBe(403);

    const scheduler = as(await member('scheduler'));
    const afterInvites = await head();
    for (const send of [scheduler.assign, scheduler.complete, scheduler.list, scheduler.overdue]) expect((await send()).status).toBe(403);
    expect(await head()).toBe(afterInvites);
    expect(afterInvites).toBeGreaterThan(before);
    expect((await clinician.complete()).status).toBe(200);
  });

  it('lists open tasks past their due date across the practice, and counts them on the chart', async () => {
    const owner = await signedInUser(app, 'Paula');
    const practice = await createdPractice(app, owner.auth, 'Overdue Practice');
    const at = (path: string) => `/practices/${practice}${path}`;
    const chart = (await app.http().post(at('/clients')).set(owner.auth).send({ firstName: 'Late', lastName: 'Larry' })).body.clientId;
    const assign = (dueDate: string, title: string) => app.http().post(at(`/charts/${chart}/tasks`)).set(owner.auth).send({ title, dueDate });
    const oldest = await assign('2020-01-01', 'Oldest');
    const older = await assign('2021-06-01', 'Older');
    await assign('2999-01-01', 'Not yet due');
    const done = await assign('2019-01-01', 'Done anyway');
    const completed = await app.http().post(at(`/charts/${chart}/tasks/${done.body.taskId}/complete`)).set(owner.auth);

    const token = tokenOf(completed);
    const first = await app.http().get(at('/tasks/overdue?limit=1')).set(owner.auth).set('X-Consistency-Token', token);
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { taskId: string; overdue: boolean; chartName: string }) => [i.taskId, i.overdue, i.chartName])).toEqual([[oldest.body.taskId, true, 'Late Larry']]);
    const second = await app.http().get(at(`/tasks/overdue?limit=1&cursor=${first.body.nextCursor}`)).set(owner.auth);
    expect(second.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([older.body.taskId]);
    expect(second.body.nextCursor).toBeNull();

    const view = await app.http().get(at(`/charts/${chart}`)).set(owner.auth).set('X-Consistency-Token', token);
    expect(view.body.tasks).toEqual({ open: 3, overdue: 2 });

    // Another practice's overdue list does not show them.
    const ours = await get('/tasks/overdue', token);
    expect(ours.body.items.map((i: { chartId: string }) => i.chartId)).not.toContain(chart);
    const cursorOfOtherList = await app.http().get(at('/tasks/overdue?cursor=bm90LWEtY3Vyc29y')).set(owner.auth);
    expect([cursorOfOtherList.status, cursorOfOtherList.body.code]).toEqual([400, 'InvalidCursor']);

    // A deleted chart takes its tasks off the overdue list, and its task list is gone with it.
    const deleted = await app.http().delete(at(`/clients/${chart}`)).set(owner.auth);
    expect(deleted.status).toBe(200);
    const after = await app.http().get(at('/tasks/overdue')).set(owner.auth).set('X-Consistency-Token', tokenOf(deleted));
    expect(after.body.items).toEqual([]);
    const gone = await app.http().get(at(`/charts/${chart}/tasks`)).set(owner.auth);
    expect([gone.status, gone.body.code]).toEqual([404, 'ChartNotFound']);
  });
});
