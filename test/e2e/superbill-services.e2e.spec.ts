import { pdfText } from '../support/pdf-text';
import { createdPractice, signedInUser, startTestApp, tokenOf, type TestApp } from '../support/test-app';

/**
 * The services table of a superbill. Charges are kept by the billing work's ledger read model
 * ('chart-ledgers'); this spec writes a ledger document into the app's read store as that projection
 * would, so the table is asserted whether or not the billing work is merged.
 */
describe('Superbill services from the chart ledger (embedded default)', () => {
  jest.setTimeout(60_000);
  let app: TestApp;
  let owner: { userId: string; auth: { Authorization: string } };
  let clinician: { userId: string; auth: { Authorization: string }; email: string };
  let P: string;
  let C: string;

  const charge = (chargeId: string, date: string, practitionerId: string, amount: number, paid: number, kind = 'session') => ({
    chargeId, appointmentId: `appt-${chargeId}`, date, start: `${date}T15:00:00.000Z`, kind,
    serviceId: 'svc-1', serviceCode: kind === 'session' ? '90837' : 'NOSHOW', serviceName: kind === 'session' ? 'Psychotherapy, 60 min' : 'No-show fee',
    practitionerId, amount, paid,
  });

  beforeAll(async () => {
    app = await startTestApp();
    owner = await signedInUser(app, 'Ada');
    P = await createdPractice(app, owner.auth, 'Calm Minds');
    await app.http().put('/me/legal-name').set(owner.auth).send({ firstName: 'Augusta Ada', lastName: 'King' });
    await app.http().put('/me/clinical-info').set(owner.auth)
      .send({ npi: '1234567893', taxonomyCode: '101YM0800X', licenseType: 'LCSW', licenseNumber: 'LC-123', licenseState: 'CA' });
    clinician = await signedInUser(app, 'Carl');
    const invited = await app.http().post(`/practices/${P}/invitations`).set(owner.auth).send({ email: clinician.email, role: 'clinician' });
    await app.http().post(`/invitations/${invited.body.invitationId}/accept`).set(clinician.auth).set('X-Consistency-Token', tokenOf(invited));
    const created = await app.http().post(`/practices/${P}/clients`).set(owner.auth).send({ firstName: 'Gracie', lastName: 'Hopper' });
    C = created.body.clientId;
    const codes = await app.http().put(`/practices/${P}/charts/${C}/diagnosis-codes`).set(owner.auth).send({ codes: ['F41.1'] });
    await app.http().get(`/practices/${P}/charts/${C}`).set(owner.auth).set('X-Consistency-Token', tokenOf(codes));
    await app.runtime.readStore.collection('chart-ledgers').bulkWrite([
      {
        kind: 'put',
        doc: {
          _id: C,
          practiceId: P,
          currency: 'USD',
          charges: [
            charge('ch-3', '2026-02-02', clinician.userId, 5000, 0, 'no-show'),
            charge('ch-1', '2026-01-05', owner.userId, 18000, 18000),
            charge('ch-2', '2026-01-12', owner.userId, 18000, 6000),
            charge('ch-0', '2025-12-29', owner.userId, 18000, 18000),
          ],
          payments: [],
          totals: { charged: 59000, paid: 42000, refunded: 0, balance: 17000 },
        },
      },
    ]);
  });

  afterAll(() => app.destroy());

  it('lists each service of the period (date, code, fee, paid) with totals, and the practitioners with legal name, NPI, taxonomy, license', async () => {
    const bill = await app.http().get(`/practices/${P}/charts/${C}/superbill?from=2026-01-01&to=2026-03-31`).set(owner.auth);
    expect(bill.status).toBe(200);
    expect(bill.body.currency).toBe('USD');
    expect(bill.body.services.map((s: Record<string, unknown>) => [s.date, s.serviceCode, s.fee, s.paid, s.kind])).toEqual([
      ['2026-01-05', '90837', 18000, 18000, 'session'],
      ['2026-01-12', '90837', 18000, 6000, 'session'],
      ['2026-02-02', 'NOSHOW', 5000, 0, 'no-show'],
    ]);
    expect(bill.body.totals).toEqual({ fee: 41000, paid: 24000, balance: 17000 });
    expect(bill.body.practitioners).toEqual([
      { userId: owner.userId, name: { firstName: 'Augusta Ada', lastName: 'King' }, npi: '1234567893', taxonomyCode: '101YM0800X', license: { type: 'LCSW', number: 'LC-123', state: 'CA' } },
      { userId: clinician.userId, name: { firstName: 'Carl', lastName: 'Tester' }, npi: null, taxonomyCode: null, license: { type: null, number: null, state: null } },
    ]);
  });

  it('prints the same table in the PDF', async () => {
    const pdf = await app.http().get(`/practices/${P}/charts/${C}/superbill?from=2026-01-01&to=2026-03-31`).set(owner.auth).set('Accept', 'application/pdf')
      .buffer(true)
      .parse((res: unknown, done: (error: Error | null, body: Buffer) => void) => {
        const chunks: Buffer[] = [];
        (res as NodeJS.ReadableStream).on('data', (chunk: Buffer) => chunks.push(chunk));
        (res as NodeJS.ReadableStream).on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body as Buffer).replace(/\n/g, ' ');
    for (const expected of ['Augusta Ada King', 'NPI: 1234567893', 'License: LCSW LC-123 CA', '2026-01-12', '90837', '180.00 USD', '60.00 USD', 'No-show fee (no-show)', 'Total fees: 410.00 USD', 'Balance: 170.00 USD', '1. F41.1']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('2025-12-29');
  });

  it('shows only the services of the period asked for', async () => {
    const bill = await app.http().get(`/practices/${P}/charts/${C}/superbill?from=2026-02-01&to=2026-02-28`).set(clinician.auth);
    expect(bill.body.services.map((s: { chargeId: string }) => s.chargeId)).toEqual(['ch-3']);
    expect(bill.body.practitioners.map((p: { userId: string }) => p.userId)).toEqual([clinician.userId]);
  });
});
