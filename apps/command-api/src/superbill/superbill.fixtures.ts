import { emptyClientOverview } from '@practice/events';
import type { ChartDocument, UserProfileDocument } from '@practice/read-models';
import type { ChartLedgerView, LedgerCharge } from './ledger-view';

/** Read-model documents for the superbill specs, as the projections write them. */
export const practiceId = '11111111-1111-4111-8111-111111111111';
export const chartId = '22222222-2222-4222-8222-222222222222';
export const drAda = '33333333-3333-4333-8333-333333333333';
export const drBob = '44444444-4444-4444-8444-444444444444';

export const chartDoc = (overrides: Partial<ChartDocument> = {}): ChartDocument => ({
  _id: chartId,
  practiceId,
  kind: 'individual',
  active: true,
  profile: { firstName: 'Gracie', lastName: 'Hopper', photoRef: null, email: null, phone: null, gender: null, location: null },
  overview: { ...emptyClientOverview, dateOfBirth: '1990-02-28', address: { line1: '1 Main St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' } },
  tagIds: [],
  identity: { legalName: { firstName: 'Grace Brewster', lastName: 'Hopper' }, pronouns: null, legalSex: null, genderIdentity: null },
  setup: { complete: true, completedAt: null, stepsCompleted: [] },
  portal: { invitation: 'none', lastInvitedAt: null, acceptedAt: null, access: false, minorAccess: null },
  contacts: [],
  group: null,
  memberOf: [],
  contactOn: [],
  appointments: [],
  diagnosisCodes: ['F41.1', 'Z63.0'],
  revision: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

export const profile = (userId: string, firstName: string, legal: string | null, npi: string | null): UserProfileDocument => ({
  _id: userId,
  userId,
  email: `${firstName.toLowerCase()}@example.com`,
  firstName,
  lastName: 'Doctor',
  legalName: legal === null ? null : { firstName: legal, lastName: 'Doctor' },
  timeZone: null,
  clinicalInfo: { npi, taxonomyCode: npi === null ? null : '101YM0800X', licenseType: npi === null ? null : 'LCSW', licenseNumber: npi === null ? null : 'LC-123', licenseState: npi === null ? null : 'CA' },
  notifications: { dailyDigestAndPayments: true, productUpdatesAndTips: true, sidebarAppointmentNotifications: true },
  twoFactorEnabled: false,
  selectedPracticeId: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  clinicalInfoUpdatedBy: null,
});

export const charge = (chargeId: string, date: string, practitionerId: string, amount: number, paid: number, kind: LedgerCharge['kind'] = 'session'): LedgerCharge => ({
  chargeId,
  appointmentId: `a-${chargeId}`,
  date,
  start: `${date}T10:00:00.000Z`,
  kind,
  serviceId: 's-1',
  serviceCode: kind === 'session' ? '90834' : 'LATE',
  serviceName: kind === 'session' ? 'Psychotherapy, 45 min' : 'Late cancellation',
  practitionerId,
  amount,
  paid,
});

export const ledger = (charges: LedgerCharge[], currency = 'USD'): ChartLedgerView => ({
  _id: chartId,
  practiceId,
  currency,
  charges,
  payments: [],
  totals: { charged: 0, paid: 0, refunded: 0, balance: 0 },
  balance: 0,
  open: false,
});
