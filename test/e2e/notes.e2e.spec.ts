import { noteStream } from '@practice/events';
import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };
type User = { userId: string; auth: Auth; email: string };
type Answer = { status: number; headers: Record<string, string>; body: Record<string, any> };

/** Clinical notes on charts: every route, the signature rule, roles, bad input and tenant isolation. */
describe('Clinical notes (embedded default)', () => {
  let app: TestApp;
  let owner: User;
  let clinician: User;
  let colleague: User;
  let admin: User;
  let biller: User;
  let scheduler: User;
  let stranger: User;
  let practiceId: string;
  let otherPracticeId: string;
  let client: string;
  let minor: string;
  let group: string;
  let otherClient: string;

  const joined = async (member: User, role: string) => {
    const invited = await app.http().post(`/practices/${practiceId}/invitations`).set(owner.auth).send({ email: member.email, role });
    expect(invited.status).toBe(201);
    const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(member.auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    expect(accepted.status).toBe(200);
  };

  beforeAll(async () => {
    app = await startTestApp();
    [owner, clinician, colleague, admin, biller, scheduler, stranger] = await Promise.all(
      ['Olive', 'Cleo', 'Carl', 'Ada', 'Bill', 'Sam', 'Bob'].map((name) => signedInUser(app, name)),
    );
    practiceId = await createdPractice(app, owner.auth, 'Calm Minds');
    otherPracticeId = await createdPractice(app, stranger.auth, 'Elsewhere');
    await joined(clinician, 'clinician');
    await joined(colleague, 'clinician');
    await joined(admin, 'admin');
    await joined(biller, 'biller');
    await joined(scheduler, 'scheduler');
    const P = `/practices/${practiceId}`;
    client = (await app.http().post(`${P}/clients`).set(owner.auth).send({ firstName: 'Grace', lastName: 'Hopper' })).body.clientId;
    minor = (
      await app.http().post(`${P}/clients/minors`).set(owner.auth).send({ firstName: 'Tim', lastName: 'Smith', contacts: [{ new: { firstName: 'Bob', lastName: 'Smith' }, relationship: 'father' }] })
    ).body.clientId;
    group = (
      await app.http().post(`${P}/group-charts`).set(owner.auth).send({ kind: 'couple', name: 'The Smiths', members: [{ new: { firstName: 'Jane', lastName: 'Smith' } }, { clientId: client }] })
    ).body.chartId;
    otherClient = (await app.http().post(`/practices/${otherPracticeId}/clients`).set(stranger.auth).send({ firstName: 'Other', lastName: 'Client' })).body.clientId;
    expect([client, minor, group, otherClient].every((id) => typeof id === 'string')).toBe(true);
  });

  afterAll(async () => app.destroy());

  const notes = (chartId: string, practice = practiceId) => `/practices/${practice}/charts/${chartId}/notes`;
  const head = () => app.runtime.eventStore.headPosition();
  const write = (auth: Auth, chartId: string, body: object = { body: 'Session 1: anxiety at work.' }): Promise<Answer> =>
    app.http().post(notes(chartId)).set(auth).send(body);
  const written = async (chartId = client, auth = clinician.auth, body: object = { body: 'Session 1: anxiety at work.' }) => {
    const answer = await write(auth, chartId, body);
    expect(answer.status).toBe(201);
    return answer;
  };
  const expectNothingAppended = async (calls: Record<string, () => Promise<Answer>>, status: number, code?: string) => {
    const before = await head();
    for (const [name, call] of Object.entries(calls)) {
      const answer = await call();
      expect({ name, status: answer.status, code: code === undefined ? undefined : answer.body.code }).toEqual({ name, status, code });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await head()).toBe(before);
  };

  it('writes a note on an individual, a minor and a group chart, and reads it back (the read is recorded)', async () => {
    for (const chartId of [client, minor, group]) {
      const answer = await written(chartId, clinician.auth, { body: '  Session 1.\nAnxiety at work. 🙂 ', sharedWithClient: true });
      expect(answer.body).toEqual({ noteId: expect.any(String), chartId, revision: 0, position: expect.any(Number) });
      expect(answer.headers.etag).toBe('"0"');
      expect(answer.headers.location).toBe(`${notes(chartId)}/${answer.body.noteId}`);
      const read = await app.http().get(answer.headers.location).set(clinician.auth).set('X-Consistency-Token', answer.headers['x-consistency-token']);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toMatchObject({
        noteId: answer.body.noteId,
        chartId,
        authorUserId: clinician.userId,
        body: 'Session 1.\nAnxiety at work. 🙂',
        sharedWithClient: true,
        status: 'unsigned',
        editedAt: null,
        signedAt: null,
        versions: 1,
        addenda: [],
      });
      const reads = await app.http().get(`/practices/${practiceId}/charts/${chartId}/reads`).set(owner.auth);
      expect(reads.body.reads).toContainEqual({ userId: clinician.userId, view: 'note', at: expect.any(String) });
    }
  });

  it('keeps every version: edits by the author (PATCH, PUT) with If-Match, a stale one 412, the history says who and when', async () => {
    const { body: created } = await written(client, clinician.auth, { body: 'First version' });
    const note = `${notes(client)}/${created.noteId}`;
    const patched = await app.http().patch(note).set(clinician.auth).set('If-Match', '"0"').send({ body: 'Second version' });
    expect(patched.status).toBe(200);
    expect(patched.headers.etag).toBe('"1"');
    await expectNothingAppended({ stale: () => app.http().patch(note).set(clinician.auth).set('If-Match', '"0"').send({ body: 'Lost update' }) }, 412, 'RevisionMismatch');
    const put = await app.http().put(note).set(clinician.auth).set('If-Match', '"1"').send({ body: 'Third version', sharedWithClient: true });
    expect(put.status).toBe(200);
    await expectNothingAppended(
      {
        colleaguePatch: () => app.http().patch(note).set(colleague.auth).send({ body: 'Mine now' }),
        colleagueSign: () => app.http().post(`${note}/sign`).set(colleague.auth),
      },
      403,
      'NotTheNoteAuthor',
    );
    const history = await app.http().get(`${note}/history`).set(owner.auth);
    expect(history.status).toBe(200);
    expect(history.body.revision).toBe(2);
    expect(history.body.events.map((e: { type: string; actorUserId: string; data: { body: string } }) => [e.type, e.actorUserId, e.data.body])).toEqual([
      ['NoteWritten', clinician.userId, 'First version'],
      ['NoteEdited', clinician.userId, 'Second version'],
      ['NoteEdited', clinician.userId, 'Third version'],
    ]);
    expect(history.body.events.every((e: { occurredAt: string }) => !Number.isNaN(Date.parse(e.occurredAt)))).toBe(true);
    const page = await app.http().get(`${note}/history?limit=2`).set(owner.auth);
    const next = await app.http().get(`${note}/history?limit=2&cursor=${page.body.nextCursor}`).set(owner.auth);
    expect([...page.body.events, ...next.body.events].map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2]);
    const reads = await app.http().get(`/practices/${practiceId}/charts/${client}/reads?limit=500`).set(owner.auth);
    expect(reads.body.reads).toContainEqual({ userId: owner.userId, view: 'note-history', at: expect.any(String) });
  });

  it('is signed by its author, then never edited (409 NoteAlreadySigned), only amended by addenda; leaves the awaiting-signature list', async () => {
    const { body: created, headers } = await written(group, clinician.auth, { body: 'Couple session' });
    const note = `${notes(group)}/${created.noteId}`;
    const awaiting = async (token?: string) => {
      const list = await app.http().get(`/practices/${practiceId}/notes/awaiting-signature?limit=500`).set(owner.auth).set(token ? { 'X-Consistency-Token': token } : {});
      expect(list.status).toBe(200);
      return list.body.items.map((item: { noteId: string }) => item.noteId) as string[];
    };
    expect(await awaiting(headers['x-consistency-token'])).toContain(created.noteId);
    const mine = await app.http().get(`/practices/${practiceId}/notes/awaiting-signature?limit=500&authorUserId=${clinician.userId}`).set(clinician.auth);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((i: { authorUserId: string }) => i.authorUserId === clinician.userId)).toBe(true);
    const others = await app.http().get(`/practices/${practiceId}/notes/awaiting-signature?authorUserId=${colleague.userId}`).set(clinician.auth);
    expect(others.body.items.map((i: { noteId: string }) => i.noteId)).not.toContain(created.noteId);
    const chartBefore = await app.http().get(`/practices/${practiceId}/charts/${group}`).set(owner.auth).set('X-Consistency-Token', headers['x-consistency-token']);
    expect(chartBefore.body.notes).toEqual({ total: expect.any(Number), awaitingSignature: expect.any(Number) });

    await expectNothingAppended({ early: () => app.http().post(`${note}/addenda`).set(clinician.auth).send({ body: 'Too soon' }) }, 409, 'NoteNotSigned');
    await expectNothingAppended({ adminSigns: () => app.http().post(`${note}/sign`).set(admin.auth) }, 403, 'Forbidden');
    const signed = await app.http().post(`${note}/sign`).set(clinician.auth).set('If-Match', '"0"');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ noteId: created.noteId, chartId: group, revision: 1 });
    expect(await awaiting(signed.headers['x-consistency-token'])).not.toContain(created.noteId);
    const chartAfter = await app.http().get(`/practices/${practiceId}/charts/${group}`).set(owner.auth).set('X-Consistency-Token', signed.headers['x-consistency-token']);
    expect(chartAfter.body.notes).toEqual({ total: chartBefore.body.notes.total, awaitingSignature: chartBefore.body.notes.awaitingSignature - 1 });

    await expectNothingAppended(
      {
        patch: () => app.http().patch(note).set(clinician.auth).send({ body: 'Changed after signing' }),
        put: () => app.http().put(note).set(clinician.auth).send({ body: 'Changed after signing' }),
        signAgain: () => app.http().post(`${note}/sign`).set(clinician.auth),
      },
      409,
      'NoteAlreadySigned',
    );
    const addendum = await app.http().post(`${note}/addenda`).set(colleague.auth).send({ body: 'Late entry: the couple called.' });
    expect(addendum.status).toBe(201);
    expect(addendum.body).toMatchObject({ noteId: created.noteId, chartId: group, addendumId: expect.any(String), revision: 2 });
    const read = await app.http().get(note).set(clinician.auth).set('X-Consistency-Token', addendum.headers['x-consistency-token']);
    expect(read.body).toMatchObject({ status: 'signed', signedByUserId: clinician.userId, body: 'Couple session', addendaCount: 1 });
    expect(read.body.addenda).toEqual([{ addendumId: addendum.body.addendumId, authorUserId: colleague.userId, body: 'Late entry: the couple called.', addedAt: expect.any(String) }]);
  });

  it('shows bodies only to roles with notes:read; billers and schedulers get summaries and 403 on everything else', async () => {
    const { body: created, headers } = await written(minor, clinician.auth, { body: 'Private clinical detail' });
    const note = `${notes(minor)}/${created.noteId}`;
    const token = headers['x-consistency-token'];
    for (const user of [biller, scheduler]) {
      const list = await app.http().get(notes(minor)).set(user.auth).set('X-Consistency-Token', token);
      expect(list.status).toBe(200);
      const item = list.body.items.find((i: { noteId: string }) => i.noteId === created.noteId);
      expect(item).toMatchObject({ noteId: created.noteId, authorUserId: clinician.userId, status: 'unsigned', addendaCount: 0, sharedWithClient: false });
      expect(list.body.items.every((i: object) => !('body' in i))).toBe(true);
      const awaiting = await app.http().get(`/practices/${practiceId}/notes/awaiting-signature?limit=500`).set(user.auth);
      expect(awaiting.status).toBe(200);
      expect(awaiting.body.items.every((i: object) => !('body' in i))).toBe(true);
      await expectNothingAppended(
        {
          read: () => app.http().get(note).set(user.auth),
          history: () => app.http().get(`${note}/history`).set(user.auth),
          write: () => write(user.auth, minor),
          edit: () => app.http().patch(note).set(user.auth).send({ body: 'x' }),
          sign: () => app.http().post(`${note}/sign`).set(user.auth),
          addendum: () => app.http().post(`${note}/addenda`).set(user.auth).send({ body: 'x' }),
        },
        403,
        'Forbidden',
      );
    }
    const reads = await app.http().get(`/practices/${practiceId}/charts/${minor}/reads?limit=500`).set(owner.auth);
    expect(reads.body.reads.some((r: { userId: string }) => r.userId === biller.userId || r.userId === scheduler.userId)).toBe(false);

    // Admins read bodies (records requests, audits) but neither write nor sign.
    const adminList = await app.http().get(notes(minor)).set(admin.auth);
    expect(adminList.body.items.find((i: { noteId: string }) => i.noteId === created.noteId).body).toBe('Private clinical detail');
    expect((await app.http().get(note).set(admin.auth)).body.body).toBe('Private clinical detail');
    await expectNothingAppended({ write: () => write(admin.auth, minor) }, 403, 'Forbidden');
    // The owner writes and signs their own notes.
    const own = await written(client, owner.auth);
    expect((await app.http().post(`${notes(client)}/${own.body.noteId}/sign`).set(owner.auth)).status).toBe(200);
  });

  it('refuses bad input with problem+json naming the field, appending nothing', async () => {
    const { body: created } = await written();
    const note = `${notes(client)}/${created.noteId}`;
    const fieldOf = async (answer: Promise<Answer>, status: number, pointer: string, code?: string) => {
      const before = await head();
      const { status: got, body, headers } = await answer;
      expect({ got, code: code === undefined ? undefined : body.code }).toEqual({ got: status, code });
      expect(headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(body.errors.map((e: { pointer?: string; parameter?: string }) => e.pointer ?? e.parameter)).toContain(pointer);
      expect(await head()).toBe(before);
    };
    await fieldOf(write(clinician.auth, client, {}), 400, '/body', 'ValidationFailed');
    await fieldOf(write(clinician.auth, client, { body: '' }), 400, '/body');
    await fieldOf(write(clinician.auth, client, { body: 42 }), 400, '/body');
    await fieldOf(write(clinician.auth, client, { body: 'x'.repeat(10_001) }), 400, '/body');
    await fieldOf(write(clinician.auth, client, { body: ' \n ' }), 422, '/body', 'NoteBodyRequired');
    await fieldOf(write(clinician.auth, client, { body: 'ok', sharedWithClient: 'yes' }), 400, '/sharedWithClient');
    await fieldOf(write(clinician.auth, client, { body: 'ok', sharedWithClient: null }), 400, '/sharedWithClient');
    await fieldOf(write(clinician.auth, client, { body: 'ok', author: 'someone' }), 400, '/author');
    await fieldOf(write(clinician.auth, client, { body: 'bad \ud800 text' }), 400, '/body');
    await fieldOf(app.http().patch(note).set(clinician.auth).send({ body: null }), 400, '/body');
    await fieldOf(app.http().patch(note).set(clinician.auth).send({ body: '   ' }), 422, '/body', 'NoteBodyRequired');
    await fieldOf(app.http().post(`${notes(client)}/not-a-uuid/sign`).set(clinician.auth), 400, 'noteId');
    await fieldOf(app.http().post(`${note}/addenda`).set(clinician.auth).send({}), 400, '/body');
    await fieldOf(app.http().get(`${notes(client)}?cursor=forged`).set(clinician.auth), 400, 'cursor', 'InvalidCursor');
    await fieldOf(app.http().get(`${notes(client)}?limit=0`).set(clinician.auth), 400, 'limit');
    await fieldOf(app.http().get(`/practices/${practiceId}/notes/awaiting-signature?authorUserId=me`).set(clinician.auth), 400, 'authorUserId');
  });

  it("answers 404 to another practice's ids, a note through another chart and a deleted chart, appending nothing", async () => {
    const { body: created } = await written(client);
    const theirs = await app.http().post(notes(otherClient, otherPracticeId)).set(stranger.auth).send({ body: 'Their note' });
    expect(theirs.status).toBe(201);
    const ours = `${notes(client)}/${created.noteId}`;
    await expectNothingAppended(
      {
        writeOnTheirChart: () => write(clinician.auth, otherClient),
        listTheirChart: () => app.http().get(notes(otherClient)).set(clinician.auth),
        theirNoteThroughOurChart: () => app.http().get(`${notes(client)}/${theirs.body.noteId}`).set(clinician.auth),
        editTheirNote: () => app.http().patch(`${notes(client)}/${theirs.body.noteId}`).set(clinician.auth).send({ body: 'x' }),
        signTheirNote: () => app.http().post(`${notes(otherClient)}/${theirs.body.noteId}/sign`).set(clinician.auth),
        ourNoteThroughAnotherChart: () => app.http().get(`${notes(minor)}/${created.noteId}`).set(clinician.auth),
        editThroughAnotherChart: () => app.http().patch(`${notes(minor)}/${created.noteId}`).set(clinician.auth).send({ body: 'x' }),
        historyThroughAnotherChart: () => app.http().get(`${notes(minor)}/${created.noteId}/history`).set(clinician.auth),
        theirPractice: () => app.http().get(notes(otherClient, otherPracticeId)).set(clinician.auth),
        theirAwaiting: () => app.http().get(`/practices/${otherPracticeId}/notes/awaiting-signature`).set(clinician.auth),
        strangerOnOurs: () => app.http().get(ours).set(stranger.auth),
        strangerAddendum: () => app.http().post(`${ours}/addenda`).set(stranger.auth).send({ body: 'x' }),
      },
      404,
    );
    expect((await app.runtime.eventStore.readStream(noteStream(theirs.body.noteId))).length).toBe(1);

    const gone = (await app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).send({ firstName: 'Gone', lastName: 'Soon' })).body.clientId;
    const { body: onGone } = await written(gone);
    const deleted = await app.http().delete(`/practices/${practiceId}/clients/${gone}`).set(owner.auth);
    expect(deleted.status).toBe(200);
    const awaiting = await app.http().get(`/practices/${practiceId}/notes/awaiting-signature?limit=500`).set(owner.auth).set('X-Consistency-Token', deleted.headers['x-consistency-token']);
    expect(awaiting.body.items.map((i: { noteId: string }) => i.noteId)).not.toContain(onGone.noteId);
    await expectNothingAppended(
      {
        write: () => write(clinician.auth, gone),
        list: () => app.http().get(notes(gone)).set(clinician.auth),
        read: () => app.http().get(`${notes(gone)}/${onGone.noteId}`).set(clinician.auth),
        sign: () => app.http().post(`${notes(gone)}/${onGone.noteId}/sign`).set(clinician.auth),
      },
      404,
      'ChartNotFound',
    );
  });

  it('honours Idempotency-Key: a retry answers as the first time and appends nothing; another body is 422', async () => {
    const send = (body: string) => app.http().post(notes(client)).set(clinician.auth).set('Idempotency-Key', 'note-once').send({ body });
    const first = await send('Once');
    expect(first.status).toBe(201);
    const before = await head();
    const again = await send('Once');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await head()).toBe(before);
    const reused = await send('Another body');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IdempotencyKeyReused');
    expect(await head()).toBe(before);

    const note = `${notes(client)}/${first.body.noteId}`;
    const sign = () => app.http().post(`${note}/sign`).set(clinician.auth).set('Idempotency-Key', 'sign-once');
    const signed = await sign();
    expect(signed.status).toBe(200);
    expect((await sign()).body).toEqual(signed.body);
    const amend = () => app.http().post(`${note}/addenda`).set(clinician.auth).set('Idempotency-Key', 'amend-once').send({ body: 'Once more' });
    const amended = await amend();
    expect(amended.status).toBe(201);
    const afterAmend = await head();
    const amendedAgain = await amend();
    expect(amendedAgain.status).toBe(201);
    expect(amendedAgain.body).toEqual(amended.body);
    expect(await head()).toBe(afterAmend);
    expect((await app.runtime.eventStore.readStream(noteStream(first.body.noteId))).map((e) => e.type)).toEqual(['NoteWritten', 'NoteSigned', 'NoteAddendumAdded']);
  });

  it('lists a chart\'s notes newest first, keyset-paged', async () => {
    const chart = (await app.http().post(`/practices/${practiceId}/clients`).set(owner.auth).send({ firstName: 'Paged', lastName: 'Notes' })).body.clientId;
    const ids: string[] = [];
    let token = '';
    for (let i = 0; i < 3; i += 1) {
      const answer = await written(chart, clinician.auth, { body: `Note ${i}` });
      ids.push(answer.body.noteId);
      token = answer.headers['x-consistency-token'];
    }
    const first = await app.http().get(`${notes(chart)}?limit=2`).set(clinician.auth).set('X-Consistency-Token', token);
    const second = await app.http().get(`${notes(chart)}?limit=2&cursor=${first.body.nextCursor}`).set(clinician.auth);
    expect(second.body.nextCursor).toBeNull();
    const listed = [...first.body.items, ...second.body.items];
    expect(listed.map((i: { noteId: string }) => i.noteId).sort()).toEqual([...ids].sort());
    const created = listed.map((i: { createdAt: string }) => i.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(listed.map((i: { body: string }) => i.body).sort()).toEqual(['Note 0', 'Note 1', 'Note 2']);
  });
});
