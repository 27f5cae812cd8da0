import { assembleSuperbill, type SuperbillSources } from './superbill';
import { charge, chartDoc, chartId, drAda, drBob, ledger, practiceId, profile } from './superbill.fixtures';

const sources = (overrides: Partial<SuperbillSources> = {}): SuperbillSources => {
  const chart = chartDoc();
  return {
    chart,
    patient: chart,
    ledger: ledger([
      charge('c-3', '2026-02-10', drBob, 5000, 0, 'late-cancel'),
      charge('c-1', '2026-01-05', drAda, 15000, 15000),
      charge('c-0', '2025-12-31', drAda, 15000, 0),
      charge('c-2', '2026-01-12', drAda, 15000, 5000),
      charge('c-4', '2026-04-01', drBob, 15000, 0),
    ]),
    profiles: new Map([
      [drAda, profile(drAda, 'Ada', 'Augusta Ada', '1234567893')],
      [drBob, profile(drBob, 'Bob', null, null)],
    ]),
    practice: { practiceId, name: 'Calm Minds' },
    period: { from: '2026-01-01', to: '2026-03-31' },
    ...overrides,
  };
};

describe('assembleSuperbill', () => {
  it("prints the client's legal name, date of birth, address and diagnosis codes", () => {
    const bill = assembleSuperbill(sources());
    expect(bill).toMatchObject({
      chartId,
      kind: 'individual',
      group: null,
      period: { from: '2026-01-01', to: '2026-03-31' },
      client: { clientId: chartId, name: { firstName: 'Grace Brewster', lastName: 'Hopper' }, dateOfBirth: '1990-02-28', address: { line1: '1 Main St', city: 'Springfield' } },
      diagnosisCodes: ['F41.1', 'Z63.0'],
      practice: { practiceId, name: 'Calm Minds', address: null },
    });
  });

  it('uses the name when no legal name is set, and no codes when none are recorded', () => {
    const chart = chartDoc({ identity: { legalName: null, pronouns: null, legalSex: null, genderIdentity: null }, diagnosisCodes: undefined });
    const bill = assembleSuperbill(sources({ chart, patient: chart }));
    expect(bill.client.name).toEqual({ firstName: 'Gracie', lastName: 'Hopper' });
    expect(bill.diagnosisCodes).toEqual([]);
  });

  it('lists the services of the period by date, with fee and paid, and totals them', () => {
    const bill = assembleSuperbill(sources());
    expect(bill.services.map((s) => [s.chargeId, s.date, s.serviceCode, s.fee, s.paid, s.kind])).toEqual([
      ['c-1', '2026-01-05', '90834', 15000, 15000, 'session'],
      ['c-2', '2026-01-12', '90834', 15000, 5000, 'session'],
      ['c-3', '2026-02-10', 'LATE', 5000, 0, 'late-cancel'],
    ]);
    expect(bill.totals).toEqual({ fee: 35000, paid: 20000, balance: 15000 });
    expect(bill.currency).toBe('USD');
  });

  it('names each practitioner who provided a listed service: legal name (else name), NPI, taxonomy, license', () => {
    const bill = assembleSuperbill(sources());
    expect(bill.practitioners).toEqual([
      { userId: drAda, name: { firstName: 'Augusta Ada', lastName: 'Doctor' }, npi: '1234567893', taxonomyCode: '101YM0800X', license: { type: 'LCSW', number: 'LC-123', state: 'CA' } },
      { userId: drBob, name: { firstName: 'Bob', lastName: 'Doctor' }, npi: null, taxonomyCode: null, license: { type: null, number: null, state: null } },
    ]);
    const onlyJanuary = assembleSuperbill(sources({ period: { from: '2026-01-01', to: '2026-01-31' } }));
    expect(onlyJanuary.practitioners.map((p) => p.userId)).toEqual([drAda]);
  });

  it('lists no services (and no practitioners) for a chart without a ledger', () => {
    const bill = assembleSuperbill(sources({ ledger: null }));
    expect(bill).toMatchObject({ services: [], practitioners: [], currency: null, totals: { fee: 0, paid: 0, balance: 0 } });
  });

  it("on a group chart shows the Identified Patient's details and codes, and the group chart's services", () => {
    const group = chartDoc({
      _id: 'g-1',
      kind: 'group',
      profile: { firstName: 'The Smiths', lastName: '', photoRef: null, email: null, phone: null, gender: null, location: null },
      identity: { legalName: null, pronouns: null, legalSex: null, genderIdentity: null },
      group: { groupKind: 'couple', name: 'The Smiths', members: [], identifiedPatientId: chartId, billingContactId: null },
      diagnosisCodes: [],
    });
    const bill = assembleSuperbill(sources({ chart: group, patient: chartDoc() }));
    expect(bill).toMatchObject({
      chartId: 'g-1',
      kind: 'group',
      group: { name: 'The Smiths' },
      client: { clientId: chartId, name: { firstName: 'Grace Brewster', lastName: 'Hopper' } },
      diagnosisCodes: ['F41.1', 'Z63.0'],
    });
    expect(bill.services).toHaveLength(3);
  });
});
