import { InMemoryReadStore } from '@practice/read-store';
import type { DomainEvent } from '@practice/events';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { ledgerProjection } from './ledger.projection';
import { LEDGERS, type LedgerDocument } from './ledger.document';

const chartId = 'c-1';
const created: DomainEvent = { type: 'ClientCreated', data: { chartId, practiceId: 'p-1', kind: 'individual', firstName: 'Ada', lastName: 'Lovelace', email: null } };
const charge = (chargeId: string, amount: number, kind = 'session'): DomainEvent => ({
  type: 'ChargeRecorded',
  data: { chartId, chargeId, appointmentId: chargeId, kind, date: '2026-01-05', start: '2026-01-05T10:00:00.000Z', serviceId: 's-1', serviceCode: '90837', serviceName: 'Psychotherapy', practitionerId: 'u-1', amount, currency: 'USD' },
});
const payment: DomainEvent = {
  type: 'PaymentRecorded',
  data: { chartId, paymentId: 'p-1', amount: 20000, currency: 'USD', method: 'card', date: '2026-01-06', reference: 'Visa 4242', applications: [{ chargeId: 'a-1', amount: 15000 }, { chargeId: 'a-2', amount: 5000 }] },
};
const refund: DomainEvent = { type: 'PaymentRefunded', data: { chartId, paymentId: 'p-1', refundId: 'r-1', amount: 7000, date: '2026-01-07', applications: [{ chargeId: 'a-2', amount: 5000 }, { chargeId: 'a-1', amount: 2000 }] } };

const ledgerAfter = async (events: DomainEvent[], times = 1): Promise<LedgerDocument | undefined> => {
  const collection = new InMemoryReadStore().collection<LedgerDocument>(LEDGERS);
  for (let i = 0; i < times; i += 1) await applyBatch(ledgerProjection, collection, recorded(events));
  return (await collection.get(chartId)) ?? undefined;
};

describe('chart-ledgers projection (charges, payments, balance)', () => {
  it('opens an empty ledger with the chart', async () => {
    expect(await ledgerAfter([created])).toEqual(expect.objectContaining({ _id: chartId, practiceId: 'p-1', currency: null, charges: [], payments: [], totals: { charged: 0, paid: 0, refunded: 0, balance: 0 }, open: false }));
  });

  it('keeps charges with what is paid on each, payments with their applications and refunds, and the balance', async () => {
    const doc = await ledgerAfter([created, charge('a-1', 15000), charge('a-2', 5000, 'no-show'), payment, refund]);
    expect(doc).toMatchObject({
      currency: 'USD',
      charges: [
        { chargeId: 'a-1', appointmentId: 'a-1', date: '2026-01-05', start: '2026-01-05T10:00:00.000Z', kind: 'session', serviceId: 's-1', serviceCode: '90837', serviceName: 'Psychotherapy', practitionerId: 'u-1', amount: 15000, paid: 13000 },
        { chargeId: 'a-2', kind: 'no-show', amount: 5000, paid: 0 },
      ],
      payments: [{ paymentId: 'p-1', amount: 20000, method: 'card', date: '2026-01-06', reference: 'Visa 4242', refunded: 7000, applications: [{ chargeId: 'a-1', amount: 13000 }], refunds: [{ refundId: 'r-1', amount: 7000, date: '2026-01-07' }] }],
      // charges − payments + refunds
      totals: { charged: 20000, paid: 20000, refunded: 7000, balance: 7000 },
      balance: 7000,
      open: true,
    });
  });

  it('shows an unapplied payment as a credit (a balance below 0, not open)', async () => {
    const credit: DomainEvent = { ...payment, data: { ...(payment.data as object), applications: [] } } as DomainEvent;
    expect(await ledgerAfter([created, charge('a-1', 15000), credit])).toMatchObject({ totals: { charged: 15000, paid: 20000, refunded: 0, balance: -5000 }, open: false });
  });

  it('changes nothing when the same events come twice, in one batch or in two', async () => {
    const events = [created, charge('a-1', 15000), charge('a-2', 5000), payment, refund];
    const once = await ledgerAfter(events);
    expect(await ledgerAfter(events, 2)).toEqual(once);
    const twiceInOne = await ledgerAfter([...events, charge('a-1', 15000), payment, refund]);
    expect({ ...twiceInOne, _position: 0 }).toEqual({ ...once, _position: 0 });
  });

  it('drops the ledger of a deleted chart', async () => {
    expect(await ledgerAfter([created, charge('a-1', 15000), { type: 'ClientDeleted', data: { chartId, practiceId: 'p-1', email: null } }])).toBeUndefined();
  });
});
