import type { Test } from 'supertest';
import { CHARTS, CLIENTS, LEDGERS, chartDocumentProjection, clientListProjection, documentAt, ledgerProjection, type ProjectionDefinition } from '@practice/read-models';
import { createdPractice, signedInUser, startTestApp, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };
type Line = { type: string; [key: string]: unknown };

/** The body as text, whatever its media type (supertest buffers JSON only). */
const asText = (test: Test): Test =>
  test.buffer(true).parse((res, callback) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => callback(null, text));
  });

const linesOf = (body: string): Line[] => body.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as Line);
const rowsOf = (lines: Line[]) => lines.filter((l) => l.type === 'row').map((l) => l.data as Record<string, unknown>);

describe('Bulk exports at a consistent cut, the change feed and the export audit (embedded default)', () => {
  let app: TestApp;
  let owner: { userId: string; auth: Auth; email: string };
  let biller: { userId: string; auth: Auth; email: string };
  let clinician: { userId: string; auth: Auth; email: string };
  let stranger: { userId: string; auth: Auth; email: string };
  let practiceId: string;
  let token: string;
  const clientIds: string[] = [];

  const url = (path: string): string => `/practices/${practiceId}${path}`;
  const exportOf = (path: string, auth: Auth = owner.auth, headers: Record<string, string> = {}) =>
    asText(app.http().get(url(path)).set(auth).set(headers));

  const join = async (email: string, role: string, auth: Auth) => {
    const invited = await app.http().post(url('/invitations')).set(owner.auth).send({ email, role });
    const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(auth).set('X-Consistency-Token', invited.headers['x-consistency-token']);
    expect(accepted.status).toBe(200);
  };

  const createClient = async (firstName: string, lastName: string) => {
    const created = await app.http().post(url('/clients')).set(owner.auth).send({ firstName, lastName });
    expect(created.status).toBe(201);
    token = created.headers['x-consistency-token'];
    return created.body as { clientId: string; position: number };
  };

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Olive');
    biller = await signedInUser(app, 'Bill');
    clinician = await signedInUser(app, 'Cleo');
    stranger = await signedInUser(app, 'Stan');
    practiceId = await createdPractice(app, owner.auth, 'Exports');
    await createdPractice(app, stranger.auth, 'Elsewhere');
    await join(biller.email, 'biller', biller.auth);
    await join(clinician.email, 'clinician', clinician.auth);
    for (const [first, last] of [['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing']]) clientIds.push((await createClient(first, last)).clientId);
    const booked = await app
      .http()
      .post(url(`/charts/${clientIds[0]}/appointments`))
      .set(owner.auth)
      .send({ start: '2030-01-07T10:00:00Z', durationMinutes: 50, practitionerId: owner.userId });
    expect(booked.status).toBe(201);
    token = booked.headers['x-consistency-token'];
  });

  afterAll(async () => app.destroy());

  it('streams the clients as NDJSON: a cut line with the position, one row per client, an end line', async () => {
    const response = await exportOf('/exports/clients', owner.auth, { 'X-Consistency-Token': token });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = linesOf(response.body as string);
    const position = Number(response.headers['x-export-position']);
    expect(position).toBeGreaterThanOrEqual(Number(token));
    expect(lines[0]).toMatchObject({ type: 'cut', dataset: 'clients', practiceId, position });
    expect(rowsOf(lines).map((r) => r.id).sort()).toEqual([...clientIds].sort());
    expect(rowsOf(lines).find((r) => r.id === clientIds[0])).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', status: 'Active' });
    expect(lines[lines.length - 1]).toEqual({ type: 'end', position, rows: 3, nextCursor: null });
  });

  it('streams CSV with Accept: text/csv (or ?format=csv): a header line and one line per row, the cut in X-Export-Position', async () => {
    const byAccept = await exportOf('/exports/clients', owner.auth, { Accept: 'text/csv' });
    const byQuery = await exportOf('/exports/clients?format=csv');
    for (const response of [byAccept, byQuery]) {
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['x-export-position']).toMatch(/^\d+$/);
      const lines = (response.body as string).trimEnd().split('\r\n');
      expect(lines[0]).toBe('id,kind,firstName,lastName,legalFirstName,legalLastName,email,phone,status,invitation,tagIds,incomplete,createdAt,updatedAt');
      expect(lines).toHaveLength(4);
      expect(lines.some((line) => line.startsWith(`${clientIds[1]},individual,Grace,Hopper,`))).toBe(true);
    }
  });

  it('exports appointments (one row each) and charts', async () => {
    const appointments = rowsOf(linesOf((await exportOf('/exports/appointments')).body as string));
    expect(appointments).toEqual([
      expect.objectContaining({ chartId: clientIds[0], start: '2030-01-07T10:00:00.000Z', durationMinutes: 50, practitionerId: owner.userId, status: 'booked' }),
    ]);
    const charts = rowsOf(linesOf((await exportOf('/exports/charts')).body as string));
    expect(charts).toHaveLength(3);
    expect(charts[0]).not.toHaveProperty('practiceId');
    const period = rowsOf(linesOf((await exportOf('/exports/appointments?from=2030-02-01T00:00:00Z')).body as string));
    expect(period).toEqual([]);
  });

  it('holds no row past its cut: writes after the cut change neither an export at that position nor its rows', async () => {
    const before = await exportOf('/exports/clients');
    const cut = Number(before.headers['x-export-position']);
    // Writes after the cut: a changed client and a new one.
    const renamed = await app.http().put(url(`/clients/${clientIds[1]}/legal-name`)).set(owner.auth).send({ firstName: 'Grace Brewster', lastName: 'Hopper' });
    expect(renamed.status).toBe(200);
    const later = await createClient('Katherine', 'Johnson');
    const again = await exportOf(`/exports/clients?position=${cut}`, owner.auth, { 'X-Consistency-Token': String(later.position) });
    expect(again.headers['x-export-position']).toBe(String(cut));
    expect(rowsOf(linesOf(again.body as string))).toEqual(rowsOf(linesOf(before.body as string)));
    const now = rowsOf(linesOf((await exportOf('/exports/clients', owner.auth, { 'X-Consistency-Token': String(later.position) })).body as string));
    expect(now.find((r) => r.id === clientIds[1])).toMatchObject({ legalFirstName: 'Grace Brewster' });
    expect(now.map((r) => r.id)).toContain(later.clientId);
    clientIds.push(later.clientId);
  });

  it('holds no row past its cut while clients are created and changed during the export', async () => {
    const writes = Array.from({ length: 8 }, (_, i) => createClient(`Writer${i}`, 'Concurrent'));
    const [exported] = await Promise.all([exportOf('/exports/clients'), ...writes]);
    const created = await Promise.all(writes);
    const cut = Number(exported.headers['x-export-position']);
    const rows = rowsOf(linesOf(exported.body as string));
    // A client created after the cut is not in it; every one created at or before it is.
    for (const client of created) expect(rows.some((r) => r.id === client.clientId)).toBe(client.position <= cut);
    // And the export at the same cut, read after every write, is the same rows.
    const replay = await exportOf(`/exports/clients?position=${cut}`);
    expect(rowsOf(linesOf(replay.body as string))).toEqual(rows);
    clientIds.push(...created.map((c) => c.clientId));
  });

  it('resumes by cursor: a limited export ends with nextCursor, and the cursor continues at the same cut', async () => {
    const full = await exportOf('/exports/clients');
    const all = rowsOf(linesOf(full.body as string));
    const first = linesOf((await exportOf('/exports/clients?limit=2')).body as string);
    const end = first[first.length - 1];
    expect(end).toMatchObject({ type: 'end', rows: 2, nextCursor: expect.any(String) });
    clientIds.push((await createClient('After', 'Cursor')).clientId);
    const rest = await exportOf(`/exports/clients?cursor=${end.nextCursor as string}`);
    expect(rest.headers['x-export-position']).toBe(full.headers['x-export-position']);
    expect([...rowsOf(first), ...rowsOf(linesOf(rest.body as string))]).toEqual(all);
  });

  it('lets billers export, refuses clinicians (403), and to another practice the practice does not exist (404)', async () => {
    expect((await exportOf('/exports/clients', biller.auth)).status).toBe(200);
    const refused = await app.http().get(url('/exports/clients')).set(clinician.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('Forbidden');
    const hidden = await app.http().get(url('/exports/clients')).set(stranger.auth);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('PracticeNotFound');
    expect((await app.http().get(url('/changes/clients')).set(stranger.auth)).status).toBe(404);
    expect((await app.http().get(url('/audit/exports')).set(stranger.auth)).status).toBe(404);
  });

  it.each([
    ['an unknown dataset', '/exports/invoices', 'dataset'],
    ['an unknown format', '/exports/clients?format=xml', 'format'],
    ['a position past the head of the log', '/exports/clients?position=999999999', 'position'],
    ['a forged cursor', '/exports/clients?cursor=abc', 'cursor'],
    ['a cursor of another dataset', '/exports/charts?cursor=WyJleHBvcnQtY2xpZW50cyIsMSwiYSIsIiJd', 'cursor'],
    ['a bad period', '/exports/clients?from=yesterday', 'from'],
    ['an unknown read model', '/changes/user_menus', 'readModel'],
    ['a negative since', '/changes/clients?since=-4', 'since'],
    ['a position other than the cut of the cursor it resumes', '/exports/clients?cursor=WyJleHBvcnQtY2xpZW50cyIsMSwiYSIsIiJd&position=0', 'position'],
    ['a since past what the read model reflects (no read answered it as nextSince)', '/changes/clients?since=999999999', 'since'],
    ['a period that ends before it starts', '/exports/clients?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z', 'to'],
  ])('answers 400 naming the field for %s', async (_name, path, field) => {
    const response = await app.http().get(url(path)).set(owner.auth);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(response.body.errors)).toContain(field);
  });

  it('gives the documents changed since a position, page by page, and the position to sync from next', async () => {
    const first = await app.http().get(url('/changes/clients?limit=2')).set(owner.auth).set('X-Consistency-Token', token);
    expect(first.status).toBe(200);
    expect(first.body.changes).toHaveLength(2);
    const seen = [...first.body.changes];
    let cursor = first.body.nextCursor as string | null;
    while (cursor) {
      const page = await app.http().get(url(`/changes/clients?limit=2&cursor=${cursor}`)).set(owner.auth);
      seen.push(...page.body.changes);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((c) => c.id).sort()).toEqual([...clientIds].sort());
    expect(seen.every((c) => c.deleted === false && c.document.practiceId === practiceId)).toBe(true);
    const nextSince = first.body.nextSince as number;

    const changed = await app.http().put(url(`/clients/${clientIds[0]}/legal-name`)).set(owner.auth).send({ firstName: 'Augusta Ada', lastName: 'King' });
    const delta = await app.http().get(url(`/changes/clients?since=${nextSince}`)).set(owner.auth).set('X-Consistency-Token', changed.headers['x-consistency-token']);
    expect(delta.body.changes.map((c: { id: string }) => c.id)).toEqual([clientIds[0]]);
    expect(delta.body.changes[0].document.legalName).toEqual({ firstName: 'Augusta Ada', lastName: 'King' });
    expect(delta.body.since).toBe(nextSince);
    expect(delta.body.nextCursor).toBeNull();
  });

  it('refuses a feed cursor whose positions are not of a read it answered: past the checkpoint, or since after until (400 InvalidCursor)', async () => {
    const first = await app.http().get(url('/changes/clients?limit=1')).set(owner.auth).set('X-Consistency-Token', token);
    const [list, since, until, position, id] = JSON.parse(Buffer.from(first.body.nextCursor as string, 'base64url').toString()) as [string, number, number, number, string];
    const crafted = (keys: unknown[]): string => Buffer.from(JSON.stringify(keys)).toString('base64url');
    for (const keys of [[list, since, until + 1_000_000, position, id], [list, until + 1, until, position, id]]) {
      const refused = await app.http().get(url(`/changes/clients?cursor=${crafted(keys)}`)).set(owner.auth);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'InvalidCursor', errors: [{ parameter: 'cursor' }] });
    }
  });

  it('refuses the change feed of charts to a role that may not read charts, and the feed to clinicians', async () => {
    expect((await app.http().get(url('/changes/charts')).set(biller.auth)).status).toBe(200);
    expect((await app.http().get(url('/changes/clients')).set(clinician.auth)).status).toBe(403);
  });

  it('records every export and feed read for auditors (who, what, cut, rows, when; never the data), listed to owners only', async () => {
    const exported = await exportOf('/exports/appointments?format=csv', biller.auth);
    const audit = await app.http().get(url('/audit/exports?limit=500')).set(owner.auth);
    expect(audit.status).toBe(200);
    const record = audit.body.items.find((r: { id: string }) => r.id === exported.headers['x-export-id']);
    expect(record).toMatchObject({
      userId: biller.userId,
      role: 'biller',
      kind: 'export',
      dataset: 'appointments',
      parameters: { format: 'csv' },
      position: Number(exported.headers['x-export-position']),
      rows: 1,
      status: 'completed',
    });
    expect(audit.body.items.some((r: { kind: string; dataset: string }) => r.kind === 'changes' && r.dataset === 'clients')).toBe(true);
    expect(JSON.stringify(audit.body)).not.toContain('Lovelace');
    expect((await app.http().get(url('/audit/exports')).set(biller.auth)).status).toBe(403);
  });

  it('keeps a client deleted after the cut in an export at that cut, and the change feed gives its tombstone', async () => {
    const doomed = await createClient('Del', 'Eted');
    const before = await exportOf('/exports/clients', owner.auth, { 'X-Consistency-Token': String(doomed.position) });
    const cut = Number(before.headers['x-export-position']);
    expect(rowsOf(linesOf(before.body as string)).map((r) => r.id)).toContain(doomed.clientId);
    const feed = await app.http().get(url('/changes/clients?limit=500')).set(owner.auth);
    const deleted = await app.http().delete(url(`/clients/${doomed.clientId}`)).set(owner.auth);
    expect(deleted.status).toBe(200);
    const after = deleted.headers['x-consistency-token'];
    const atCut = await exportOf(`/exports/clients?position=${cut}`, owner.auth, { 'X-Consistency-Token': after });
    expect(rowsOf(linesOf(atCut.body as string))).toEqual(rowsOf(linesOf(before.body as string)));
    const now = await exportOf('/exports/clients', owner.auth, { 'X-Consistency-Token': after });
    expect(rowsOf(linesOf(now.body as string)).map((r) => r.id)).not.toContain(doomed.clientId);
    const delta = await app.http().get(url(`/changes/clients?since=${feed.body.nextSince}`)).set(owner.auth).set('X-Consistency-Token', after);
    expect(delta.body.changes).toContainEqual({ id: doomed.clientId, position: Number(after), deleted: true, document: null });
  });

  it("leaves diagnosis codes out of a biller's chart export and change feed (the chart read hides them from billers too)", async () => {
    const coded = await app.http().put(url(`/charts/${clientIds[0]}/diagnosis-codes`)).set(owner.auth).send({ codes: ['F41.1'] });
    expect(coded.status).toBe(200);
    const token = { 'X-Consistency-Token': coded.headers['x-consistency-token'] };
    const ownerRows = rowsOf(linesOf((await exportOf('/exports/charts', owner.auth, token)).body as string));
    expect(ownerRows.find((r) => r.id === clientIds[0])?.diagnosisCodes).toEqual(['F41.1']);
    const billerExport = await exportOf('/exports/charts', biller.auth, token);
    const billerLines = linesOf(billerExport.body as string);
    expect(billerLines[0].columns).not.toContain('diagnosisCodes');
    expect(rowsOf(billerLines).every((r) => !('diagnosisCodes' in r))).toBe(true);
    const csv = await exportOf('/exports/charts?format=csv', biller.auth, token);
    expect((csv.body as string).split('\r\n')[0]).not.toContain('diagnosisCodes');
    expect(csv.body as string).not.toContain('F41.1');
    const feed = await app.http().get(url('/changes/charts?limit=500')).set(biller.auth).set(token);
    expect(JSON.stringify(feed.body)).not.toContain('F41.1');
    const ownerFeed = await app.http().get(url('/changes/charts?limit=500')).set(owner.auth).set(token);
    expect(JSON.stringify(ownerFeed.body)).toContain('F41.1');
  });

  it('exports payments (one row each, amounts in minor units) to billers, with what they paid and their refunds', async () => {
    const paid = await app
      .http()
      .post(url(`/charts/${clientIds[2]}/payments`))
      .set(owner.auth)
      .send({ amount: 12000, currency: 'USD', method: 'cash', date: '2026-02-03', reference: 'receipt 7' });
    expect(paid.status).toBe(201);
    const token = { 'X-Consistency-Token': paid.headers['x-consistency-token'] };
    const rows = rowsOf(linesOf((await exportOf('/exports/payments', biller.auth, token)).body as string));
    expect(rows).toEqual([
      { id: paid.body.paymentId, chartId: clientIds[2], date: '2026-02-03', amount: 12000, currency: 'USD', method: 'cash', reference: 'receipt 7', refunded: 0, applications: [], refunds: [] },
    ]);
    expect(rowsOf(linesOf((await exportOf('/exports/payments?from=2026-03-01T00:00:00Z', biller.auth)).body as string))).toEqual([]);
    const feed = await app.http().get(url('/changes/chart-ledgers?limit=500')).set(biller.auth).set(token);
    const last = feed.body.changes[feed.body.changes.length - 1];
    expect(last).toMatchObject({ id: clientIds[2], position: Number(token['X-Consistency-Token']), deleted: false });
    expect(last.document.payments).toHaveLength(1);
  });

  it('rebuilds every chart and client row from its chart stream exactly as the projector keeps it (what an export of a later-changed document relies on)', async () => {
    const group = await app
      .http()
      .post(url('/group-charts'))
      .set(owner.auth)
      .send({ kind: 'couple', name: 'The Hoppers', members: [{ clientId: clientIds[0], identifiedPatient: true }, { clientId: clientIds[1] }] });
    expect(group.status).toBe(201);
    const minor = await app
      .http()
      .post(url('/clients/minors'))
      .set(owner.auth)
      .send({ firstName: 'Tim', lastName: 'Turing', contacts: [{ clientId: clientIds[2], relationship: 'father' }] });
    expect(minor.status).toBe(201);
    await app.http().get(url('/clients')).set(owner.auth).set('X-Consistency-Token', minor.headers['x-consistency-token']);
    const head = await app.runtime.eventStore.headPosition();
    for (const [name, projection] of [[CHARTS, chartDocumentProjection], [CLIENTS, clientListProjection], [LEDGERS, ledgerProjection]] as const) {
      const docs = await app.runtime.readStore.collection(name).find({ practiceId });
      expect(docs.length).toBeGreaterThan(name === LEDGERS ? 0 : clientIds.length);
      for (const doc of docs) {
        const stream = await app.runtime.eventStore.readStream(`chart-${doc._id}`);
        expect(documentAt(projection as unknown as ProjectionDefinition, stream, doc._id, head)).toEqual(doc);
      }
    }
  });
});
