import type { RecordedEvent } from '@practice/events';
import { at, P } from '../reports/report-history.fixture';

export { P };

const client = (chartId: string, when: string) => ({ type: 'ClientCreated', at: when, data: { chartId, practiceId: P, kind: 'individual', firstName: 'A', lastName: chartId, email: null } });
const charge = (when: string, chartId: string, chargeId: string, start: string, practitionerId: string, amount: number) => ({
  type: 'ChargeRecorded',
  at: when,
  data: { chartId, chargeId, appointmentId: chargeId, kind: 'session', date: start.slice(0, 10), start, serviceId: null, serviceCode: null, serviceName: null, practitionerId, amount, currency: 'USD' },
});
const payment = (when: string, chartId: string, paymentId: string, amount: number, method: string, date: string, applications: { chargeId: string; amount: number }[]) => ({
  type: 'PaymentRecorded',
  at: when,
  data: { chartId, paymentId, amount, currency: 'USD', method, date, reference: null, applications },
});

/**
 * A practice in New York with two clients. c-1: a session of u-9 on the evening of 5 January (6
 * January in UTC) charged 150.00, paid 200.00 by card on 20 January (50.00 credit), 80.00 of it refunded
 * on 1 February (30.00 taken back from the charge, 50.00 from the credit), a session of u-8 on 10
 * February charged 120.00 and paid by check on 10 April. c-2: a session of u-9 on 15 January charged
 * 100.00, 40.00 of it paid in cash on 20 March.
 */
export const revenueHistory: RecordedEvent[] = at(0, [
  { type: 'PracticeCreated', at: '2026-01-01T09:00:00.000Z', data: { practiceId: P, name: 'Calm', createdBy: 'u' } },
  { type: 'PracticeSettingsChanged', at: '2026-01-01T09:00:01.000Z', data: { practiceId: P, settings: { requestClientLegalSexDesignation: true, timeZone: 'America/New_York' } } },
  client('c-1', '2026-01-02T10:00:00.000Z'),
  client('c-2', '2026-01-02T11:00:00.000Z'),
  charge('2026-01-06T03:00:00.000Z', 'c-1', 'ch-1', '2026-01-06T02:00:00.000Z', 'u-9', 15000),
  charge('2026-01-15T16:00:00.000Z', 'c-2', 'ch-3', '2026-01-15T15:00:00.000Z', 'u-9', 10000),
  payment('2026-01-20T12:00:00.000Z', 'c-1', 'pay-1', 20000, 'card', '2026-01-20', [{ chargeId: 'ch-1', amount: 15000 }]),
  { type: 'PaymentRefunded', at: '2026-02-01T12:00:00.000Z', data: { chartId: 'c-1', paymentId: 'pay-1', refundId: 'ref-1', amount: 8000, date: '2026-02-01', applications: [{ chargeId: 'ch-1', amount: 3000 }] } },
  charge('2026-02-10T16:00:00.000Z', 'c-1', 'ch-2', '2026-02-10T15:00:00.000Z', 'u-8', 12000),
  payment('2026-03-20T12:00:00.000Z', 'c-2', 'pay-2', 4000, 'cash', '2026-03-20', [{ chargeId: 'ch-3', amount: 4000 }]),
  payment('2026-04-10T12:00:00.000Z', 'c-1', 'pay-3', 12000, 'check', '2026-04-10', [{ chargeId: 'ch-2', amount: 12000 }]),
]);
