import type { ChargeRecorded, PaymentRecorded, PaymentRefunded, RecordedEvent } from '@practice/events';
import { localDate } from '../reports/periods';
import type { RevenueChartDocument } from './revenue.document';

type Facts = RevenueChartDocument | null;

/** The events that change a chart's money facts. */
export const revenueFactEventTypes: readonly string[] = ['ClientCreated', 'GroupChartCreated', 'ClientDeleted', 'ChargeRecorded', 'PaymentRecorded', 'PaymentRefunded'];

const created = (facts: Facts, id: string, practiceId: string): RevenueChartDocument =>
  facts ?? { _id: id, kind: 'chart', practiceId, charges: {}, payments: {} };

/**
 * The chart's money facts after an event (pure). Safe to repeat: a charge, payment or refund already
 * known is not counted again; money of a chart never created (or deleted) is not counted.
 */
export const evolveRevenueFacts = (facts: Facts, event: RecordedEvent, id: string, timeZone: string): Facts => {
  switch (event.type) {
    case 'ClientCreated':
    case 'GroupChartCreated':
      return created(facts, id, (event.data as { practiceId: string }).practiceId);
    case 'ClientDeleted':
      return null;
    case 'ChargeRecorded': {
      const { chargeId, start, practitionerId, amount, currency } = (event as RecordedEvent & ChargeRecorded).data;
      if (facts === null || facts.charges[chargeId] !== undefined) return facts;
      return { ...facts, charges: { ...facts.charges, [chargeId]: { date: localDate(start, timeZone), practitionerId, amount, currency } } };
    }
    case 'PaymentRecorded': {
      const { paymentId, date, currency, method, amount, applications } = (event as RecordedEvent & PaymentRecorded).data;
      if (facts === null || facts.payments[paymentId] !== undefined) return facts;
      return { ...facts, payments: { ...facts.payments, [paymentId]: { date, currency, method, amount, applications, refunds: [] } } };
    }
    case 'PaymentRefunded': {
      const { paymentId, refundId, date, amount, applications } = (event as RecordedEvent & PaymentRefunded).data;
      const payment = facts?.payments[paymentId];
      if (facts === null || payment === undefined || payment.refunds.some((r) => r.refundId === refundId)) return facts;
      const refunded = { ...payment, refunds: [...payment.refunds, { refundId, date, amount, applications }] };
      return { ...facts, payments: { ...facts.payments, [paymentId]: refunded } };
    }
    default:
      return facts;
  }
};
