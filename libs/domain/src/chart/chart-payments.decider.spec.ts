import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand } from './chart.decider';
import { chartId, individualCreated, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);
const charged = (chargeId: string, amount: number): ChartEvent => ({
  type: 'ChargeRecorded',
  data: { chartId, chargeId, appointmentId: chargeId, kind: 'session', date: '2024-04-30', start: '2024-04-30T08:00:00.000Z', serviceId: 's-1', serviceCode: '90837', serviceName: 'Psychotherapy', practitionerId: 'u-1', amount, currency: 'USD' },
});
const pay = (overrides: Partial<Extract<ChartCommand, { type: 'RecordPayment' }>> = {}): ChartCommand => ({
  type: 'RecordPayment', chartId, practiceId, paymentId: 'p-1', amount: 20000, currency: 'USD', method: 'card', date: '2024-05-01', reference: 'Visa 4242', applications: [{ chargeId: 'a-1', amount: 15000 }], ...overrides,
});
const paid = (overrides: object = {}): ChartEvent =>
  ({ type: 'PaymentRecorded', data: { chartId, paymentId: 'p-1', amount: 20000, currency: 'USD', method: 'card', date: '2024-05-01', reference: 'Visa 4242', applications: [{ chargeId: 'a-1', amount: 15000 }], ...overrides } }) as ChartEvent;
const refund = (amount: number, refundId = 'r-1'): ChartCommand => ({ type: 'RefundPayment', chartId, practiceId, paymentId: 'p-1', refundId, amount, date: '2024-05-02' });
const history = [individualCreated, charged('a-1', 15000), charged('a-2', 10000)];

describe('Chart decider: payments', () => {
  it('applies a payment to charges; the unapplied rest is a credit', () => {
    spec.given(history).when(pay()).then([paid()]);
    spec.given(history).when(pay({ applications: [], reference: '  ' })).then([paid({ applications: [], reference: null })]);
  });

  it('never applies more to a charge than it owes, nor more than the payment in all', () => {
    spec.given(history).when(pay({ applications: [{ chargeId: 'a-1', amount: 15001 }] })).thenThrows('AmountExceedsOutstanding', 'applications.0.amount');
    spec.given([...history, paid({ paymentId: 'p-0' })]).when(pay({ applications: [{ chargeId: 'a-1', amount: 1 }] })).thenThrows('AmountExceedsOutstanding', 'applications.0.amount');
    spec.given(history).when(pay({ amount: 20000, applications: [{ chargeId: 'a-1', amount: 15000 }, { chargeId: 'a-2', amount: 10000 }] })).thenThrows('AmountExceedsOutstanding', 'applications');
  });

  it('refuses an unknown or repeated charge, a bad amount, currency or date', () => {
    spec.given(history).when(pay({ applications: [{ chargeId: 'a-9', amount: 1 }] })).thenThrows('UnknownCharge', 'applications.0.chargeId');
    spec.given(history).when(pay({ applications: [{ chargeId: 'a-1', amount: 1 }, { chargeId: 'a-1', amount: 1 }] })).thenThrows('DuplicateEntry', 'applications.1.chargeId');
    spec.given(history).when(pay({ amount: 0 })).thenThrows('InvalidAmount', 'amount');
    spec.given(history).when(pay({ currency: 'EUR' })).thenThrows('CurrencyMismatch', 'currency');
    spec.given(history).when(pay({ currency: 'ABC' })).thenThrows('InvalidCurrency', 'currency');
    spec.given(history).when(pay({ date: '2024-02-31' })).thenThrows('InvalidDate', 'date');
    spec.given([...history, paid()]).when(pay()).thenThrows('PaymentAlreadyExists');
  });
});

describe('Chart decider: refunds', () => {
  const withPayment = [...history, paid()];

  it('refunds out of the credit first, then off the charges, the last applied first', () => {
    spec.given(withPayment).when(refund(3000)).then([{ type: 'PaymentRefunded', data: { chartId, paymentId: 'p-1', refundId: 'r-1', amount: 3000, date: '2024-05-02', applications: [] } }]);
    spec.given(withPayment).when(refund(8000)).then([{ type: 'PaymentRefunded', data: { chartId, paymentId: 'p-1', refundId: 'r-1', amount: 8000, date: '2024-05-02', applications: [{ chargeId: 'a-1', amount: 3000 }] } }]);
  });

  it('never refunds more than what remains of the payment', () => {
    spec.given(withPayment).when(refund(20001)).thenThrows('RefundExceedsPayment', 'amount');
    const refunded: ChartEvent = { type: 'PaymentRefunded', data: { chartId, paymentId: 'p-1', refundId: 'r-1', amount: 15000, date: '2024-05-02', applications: [{ chargeId: 'a-1', amount: 10000 }] } };
    spec.given([...withPayment, refunded]).when(refund(5001, 'r-2')).thenThrows('RefundExceedsPayment', 'amount');
    spec.given([...withPayment, refunded]).when(refund(5000, 'r-2')).then([{ type: 'PaymentRefunded', data: { chartId, paymentId: 'p-1', refundId: 'r-2', amount: 5000, date: '2024-05-02', applications: [{ chargeId: 'a-1', amount: 5000 }] } }]);
  });

  it('a charge refunded is owed again, so a new payment may be applied to it', () => {
    const refunded: ChartEvent = { type: 'PaymentRefunded', data: { chartId, paymentId: 'p-1', refundId: 'r-1', amount: 8000, date: '2024-05-02', applications: [{ chargeId: 'a-1', amount: 3000 }] } };
    spec.given([...withPayment, refunded]).when(pay({ paymentId: 'p-2', amount: 3000, applications: [{ chargeId: 'a-1', amount: 3000 }] }))
      .then([paid({ paymentId: 'p-2', amount: 3000, applications: [{ chargeId: 'a-1', amount: 3000 }] })]);
  });

  it('knows only payments of this chart', () => {
    spec.given(history).when(refund(1)).thenThrows('PaymentNotFound');
    spec.given(withPayment).when({ ...refund(1), practiceId: 'p-other' } as ChartCommand).thenThrows('ChartNotFound');
  });
});
