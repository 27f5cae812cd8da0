import type { ChargeRecorded, PaymentRecorded, PaymentRefunded, RecordedEvent } from '@practice/events';
import { byChartId, defineProjection } from '../projection';
import { LEDGERS, type LedgerDocument } from './ledger.document';

const dataOf = <T>(event: RecordedEvent): T => event.data as T;

const emptyLedger = (chartId: string, practiceId: string): LedgerDocument => ({
  _id: chartId,
  practiceId,
  currency: null,
  charges: [],
  payments: [],
  totals: { charged: 0, paid: 0, refunded: 0, balance: 0 },
  balance: 0,
  open: false,
});

/** The totals are always summed again from the entries, so they can never drift from them. */
const totalled = (doc: LedgerDocument): LedgerDocument => {
  const charged = doc.charges.reduce((sum, c) => sum + c.amount, 0);
  const paid = doc.payments.reduce((sum, p) => sum + p.amount, 0);
  const refunded = doc.payments.reduce((sum, p) => sum + p.refunded, 0);
  const balance = charged - paid + refunded;
  return { ...doc, totals: { charged, paid, refunded, balance }, balance, open: balance > 0 };
};

/** A ledger event of a chart the projection has not seen created (it never happens in order) starts one. */
const ledgerOf = (doc: LedgerDocument | null, event: RecordedEvent, id: string): LedgerDocument =>
  doc ?? emptyLedger(id, event.metadata.practiceId ?? '');

const adjust = (doc: LedgerDocument, applications: readonly { chargeId: string; amount: number }[], sign: 1 | -1) =>
  doc.charges.map((charge) => {
    const applied = applications.filter((a) => a.chargeId === charge.chargeId).reduce((sum, a) => sum + a.amount, 0);
    return applied === 0 ? charge : { ...charge, paid: charge.paid + sign * applied };
  });

/** Every write is safe to repeat: a charge, payment or refund already in the ledger is not added again. */
export const ledgerProjection = defineProjection<LedgerDocument>({
  name: LEDGERS,
  indexes: [{ name: 'practice_open_balance', keys: { practiceId: 1, open: 1, balance: -1, _id: 1 } }],
  documentIds: byChartId,
  handlers: {
    ClientCreated: (doc, event, id) => doc ?? emptyLedger(id, dataOf<{ practiceId: string }>(event).practiceId),
    GroupChartCreated: (doc, event, id) => doc ?? emptyLedger(id, dataOf<{ practiceId: string }>(event).practiceId),
    ClientDeleted: () => null,
    ChargeRecorded: (current, event, id) => {
      const doc = ledgerOf(current, event, id);
      const { chartId: _c, currency, ...charge } = dataOf<ChargeRecorded['data']>(event);
      if (doc.charges.some((c) => c.chargeId === charge.chargeId)) return doc;
      return totalled({ ...doc, currency: doc.currency ?? currency, charges: [...doc.charges, { ...charge, paid: 0 }] });
    },
    PaymentRecorded: (current, event, id) => {
      const doc = ledgerOf(current, event, id);
      const { chartId: _c, ...payment } = dataOf<PaymentRecorded['data']>(event);
      if (doc.payments.some((p) => p.paymentId === payment.paymentId)) return doc;
      return totalled({
        ...doc,
        currency: doc.currency ?? payment.currency,
        charges: adjust(doc, payment.applications, 1),
        payments: [...doc.payments, { ...payment, refunded: 0, refunds: [] }],
      });
    },
    PaymentRefunded: (current, event, id) => {
      const doc = ledgerOf(current, event, id);
      const { paymentId, refundId, amount, date, applications } = dataOf<PaymentRefunded['data']>(event);
      const payment = doc.payments.find((p) => p.paymentId === paymentId);
      if (!payment || payment.refunds.some((r) => r.refundId === refundId)) return doc;
      const takenBack = (chargeId: string) => applications.filter((a) => a.chargeId === chargeId).reduce((sum, a) => sum + a.amount, 0);
      const refundedPayment = {
        ...payment,
        refunded: payment.refunded + amount,
        applications: payment.applications.map((a) => ({ ...a, amount: a.amount - takenBack(a.chargeId) })).filter((a) => a.amount > 0),
        refunds: [...payment.refunds, { refundId, amount, date }],
      };
      return totalled({ ...doc, charges: adjust(doc, applications, -1), payments: doc.payments.map((p) => (p.paymentId === paymentId ? refundedPayment : p)) });
    },
  },
});
