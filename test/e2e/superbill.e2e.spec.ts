import { pdfText } from '../support/pdf-text';
import { createdPractice, signedInUser, startTestApp, tokenOf, type TestApp } from '../support/test-app';

type Auth = { Authorization: string };

/** Reads an answer as bytes (the PDF), so the spec and the OpenAPI check see the body itself. */
const bytes = (res: unknown, done: (error: Error | null, body: Buffer) => void): void => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('Diagnosis codes and the superbill (embedded default)', () => {
  jest.setTimeout(60_000);
  let app: TestApp;
  let owner: { userId: string; auth: Auth };
  let biller: Auth;
  let scheduler: Auth;
  let clinician: Auth;
  let P: string;
  let C: string;
  let revision: number;
  let other: { auth: Auth; practiceId: string; chartId: string };

  const url = (path: string) => `/practices/${P}${path}`;
  const head = () => app.runtime.eventStore.headPosition();

  const member = async (role: string): Promise<Auth> => {
    const user = await signedInUser(app, role);
    const invited = await app.http().post(url('/invitations')).set(owner.auth).send({ email: user.email, role });
    const accepted = await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(user.auth).set('X-Consistency-Token', tokenOf(invited));
    expect(accepted.status).toBe(200);
    return user.auth;
  };

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Ada');
    P = await createdPractice(app, owner.auth, 'Calm Minds');
    [biller, scheduler, clinician] = [await member('biller'), await member('scheduler'), await member('clinician')];
    const created = await app.http().post(url('/clients')).set(owner.auth).send({ firstName: 'Gracie', lastName: 'Hopper' });
    C = created.body.clientId;
    await app.http().put(url(`/clients/${C}/legal-name`)).set(owner.auth).send({ firstName: 'Grace Brewster', lastName: 'Hopper' });
    const overview = await app.http().put(url(`/clients/${C}/overview`)).set(owner.auth)
      .send({ dateOfBirth: '1990-02-28', address: { line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701' } });
    revision = overview.body.revision;
    const bob = await signedInUser(app, 'Bob');
    const otherPractice = await createdPractice(app, bob.auth, 'Elsewhere');
    const otherChart = await app.http().post(`/practices/${otherPractice}/clients`).set(bob.auth).send({ firstName: 'Olga', lastName: 'Other' });
    other = { auth: bob.auth, practiceId: otherPractice, chartId: otherChart.body.clientId };
  });

  afterAll(() => app.destroy());

  describe('PUT /charts/:chartId/diagnosis-codes', () => {
    it('records the codes in order (If-Match), upper-cased; clinicians and owners see them on the chart, billers do not', async () => {
      const set = await app.http().put(url(`/charts/${C}/diagnosis-codes`)).set(owner.auth).set('If-Match', `"${revision}"`).send({ codes: ['f41.1', 'Z63.0'] });
      expect(set.status).toBe(200);
      expect(set.headers.etag).toBe(`"${revision + 1}"`);
      const events = await app.runtime.eventStore.readStream(`chart-${C}`);
      expect(events.at(-1)).toMatchObject({ type: 'DiagnosisCodesSet', data: { chartId: C, codes: ['F41.1', 'Z63.0'] } });
      const byClinician = await app.http().get(url(`/charts/${C}`)).set(clinician).set('X-Consistency-Token', tokenOf(set));
      expect(byClinician.body.diagnosisCodes).toEqual(['F41.1', 'Z63.0']);
      const byBiller = await app.http().get(url(`/charts/${C}`)).set(biller).set('X-Consistency-Token', tokenOf(set));
      expect(byBiller.status).toBe(200);
      expect(byBiller.body).not.toHaveProperty('diagnosisCodes');
      const again = await app.http().put(url(`/charts/${C}/diagnosis-codes`)).set(clinician).send({ codes: ['F41.1', 'z63.0'] });
      expect(again.status).toBe(200);
      expect(await app.runtime.eventStore.readStream(`chart-${C}`)).toHaveLength(events.length);
    });

    it('refuses bad codes with 422 naming the entry, and appends nothing', async () => {
      const before = await head();
      const cases: [unknown, number, string, string][] = [
        [['F41.1', '41.1'], 422, 'InvalidDiagnosisCode', '/codes/1'],
        [['F41.1', 'F41.1'], 422, 'DuplicateEntry', '/codes/1'],
        [Array.from({ length: 13 }, (_, i) => `F${10 + i}`), 422, 'TooManyDiagnosisCodes', '/codes'],
        ['F41.1', 400, 'ValidationFailed', '/codes'],
        [['F41.1', 41], 400, 'ValidationFailed', '/codes/1'],
      ];
      for (const [codes, status, code, pointer] of cases) {
        const answer = await app.http().put(url(`/charts/${C}/diagnosis-codes`)).set(owner.auth).send({ codes });
        expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
        expect(answer.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      }
      const stale = await app.http().put(url(`/charts/${C}/diagnosis-codes`)).set(owner.auth).set('If-Match', '"0"').send({ codes: [] });
      expect(stale.status).toBe(412);
      expect(await head()).toBe(before);
    });

    it('is for clinicians, owners and admins: billers and schedulers get 403; another practice 404; nothing appended', async () => {
      const before = await head();
      for (const auth of [biller, scheduler]) {
        const refused = await app.http().put(url(`/charts/${C}/diagnosis-codes`)).set(auth).send({ codes: ['F32.A'] });
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ code: 'Forbidden', permission: 'diagnoses:write' });
      }
      const foreign = await app.http().put(url(`/charts/${other.chartId}/diagnosis-codes`)).set(owner.auth).send({ codes: ['F32.A'] });
      expect(foreign.status).toBe(404);
      const intoOther = await app.http().put(`/practices/${other.practiceId}/charts/${C}/diagnosis-codes`).set(owner.auth).send({ codes: ['F32.A'] });
      expect(intoOther.status).toBe(404);
      expect(await head()).toBe(before);
    });
  });

  describe('GET /charts/:chartId/superbill', () => {
    const period = '?from=2026-01-01&to=2026-03-31';

    it("answers JSON with the client's legal name, date of birth, address, codes and the practice; no-store; the read is logged", async () => {
      const bill = await app.http().get(url(`/charts/${C}/superbill${period}`)).set(biller);
      expect(bill.status).toBe(200);
      expect(bill.headers['content-type']).toMatch(/^application\/json/);
      expect(bill.headers['cache-control']).toBe('no-store');
      expect(bill.body).toMatchObject({
        chartId: C,
        kind: 'individual',
        period: { from: '2026-01-01', to: '2026-03-31' },
        group: null,
        client: { clientId: C, name: { firstName: 'Grace Brewster', lastName: 'Hopper' }, dateOfBirth: '1990-02-28', address: { line1: '1 Main St', city: 'Springfield' } },
        diagnosisCodes: ['F41.1', 'Z63.0'],
        practice: { practiceId: P, name: 'Calm Minds', address: null },
        // Without the billing work's ledger there are no charges: the table is empty.
        services: [],
        totals: { fee: 0, paid: 0, balance: 0 },
      });
      const reads = await app.http().get(url(`/charts/${C}/reads?limit=500`)).set(owner.auth);
      expect(reads.body.reads.filter((r: { view: string }) => r.view === 'superbill')).toHaveLength(1);
    });

    it('is the only answer that prints the legal name in place of the name: the chart card and the client list show the name', async () => {
      const chart = await app.http().get(url(`/charts/${C}`)).set(owner.auth);
      expect(chart.body.profile).toMatchObject({ firstName: 'Gracie', lastName: 'Hopper' });
      expect(chart.body.identity.legalName).toEqual({ firstName: 'Grace Brewster', lastName: 'Hopper' });
      const list = await app.http().get(url('/clients?search=hopper')).set(owner.auth);
      expect(list.body.items.find((item: { clientId: string }) => item.clientId === C)).toMatchObject({ firstName: 'Gracie', lastName: 'Hopper' });
    });

    it('answers the PDF to Accept: application/pdf, as an attachment', async () => {
      const pdf = await app.http().get(url(`/charts/${C}/superbill${period}`)).set(clinician).set('Accept', 'application/pdf').buffer(true).parse(bytes);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
      expect(pdf.headers['content-disposition']).toBe('attachment; filename="superbill-2026-01-01-2026-03-31.pdf"');
      expect(pdf.headers['cache-control']).toBe('no-store');
      const body = pdf.body as Buffer;
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(body);
      expect(text).toContain('Name: Grace Brewster Hopper');
      expect(text).toContain('Date of birth: 1990-02-28');
      expect(text).toContain('1. F41.1');
      expect(text).toContain('Calm Minds');
      expect(text).not.toContain('Gracie');
    });

    it('refuses a bad period with 422 naming the parameter; a missing one with 400', async () => {
      const cases: [string, string][] = [
        ['?from=2026-13-01&to=2026-03-31', 'from'],
        ['?from=2026-01-01&to=31/03/2026', 'to'],
        ['?from=2026-03-01&to=2026-02-01', 'to'],
        ['?from=2025-01-01&to=2026-03-31', 'to'],
      ];
      for (const [query, parameter] of cases) {
        const answer = await app.http().get(url(`/charts/${C}/superbill${query}`)).set(owner.auth);
        expect(answer.status).toBe(422);
        expect(answer.body).toMatchObject({ code: 'InvalidPeriod', errors: [{ parameter }] });
      }
      const missing = await app.http().get(url(`/charts/${C}/superbill?from=2026-01-01`)).set(owner.auth);
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0]).toMatchObject({ parameter: 'to' });
    });

    it("is for owners, admins, clinicians and billers; schedulers 403; another practice's chart 404", async () => {
      expect((await app.http().get(url(`/charts/${C}/superbill${period}`)).set(scheduler)).status).toBe(403);
      expect((await app.http().get(url(`/charts/${other.chartId}/superbill${period}`)).set(owner.auth)).status).toBe(404);
      expect((await app.http().get(`/practices/${other.practiceId}/charts/${C}/superbill${period}`).set(other.auth)).status).toBe(404);
      expect((await app.http().get(url(`/charts/not-a-chart/superbill${period}`)).set(owner.auth)).status).toBe(404);
    });

    it("on a group chart shows the Identified Patient's details; without one it is 409", async () => {
      const none = await app.http().post(url('/group-charts')).set(owner.auth)
        .send({ kind: 'family', name: 'No IP', members: [{ new: { firstName: 'Nia', lastName: 'Nobody' } }] });
      const refused = await app.http().get(url(`/charts/${none.body.chartId}/superbill${period}`)).set(owner.auth).set('X-Consistency-Token', tokenOf(none));
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('IdentifiedPatientRequired');
      const couple = await app.http().post(url('/group-charts')).set(owner.auth)
        .send({ kind: 'couple', name: 'The Hoppers', members: [{ clientId: C, identifiedPatient: true }, { new: { firstName: 'Vince', lastName: 'Hopper' } }] });
      expect(couple.status).toBe(201);
      const bill = await app.http().get(url(`/charts/${couple.body.chartId}/superbill${period}`)).set(owner.auth).set('X-Consistency-Token', tokenOf(couple));
      expect(bill.status).toBe(200);
      expect(bill.body).toMatchObject({
        kind: 'group',
        group: { name: 'The Hoppers' },
        client: { clientId: C, name: { firstName: 'Grace Brewster', lastName: 'Hopper' }, dateOfBirth: '1990-02-28' },
        diagnosisCodes: ['F41.1', 'Z63.0'],
      });
      const reads = await app.http().get(url(`/charts/${C}/reads?limit=500`)).set(owner.auth);
      expect(reads.body.reads.filter((r: { view: string }) => r.view === 'superbill').length).toBeGreaterThanOrEqual(3);
    });
  });
});
