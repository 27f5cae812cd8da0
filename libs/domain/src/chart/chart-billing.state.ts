import type { BillTo, ChartBillingEvent, InsurancePolicy, Payer } from '@practice/events';
import { assertNever } from '../shared/decider';

export interface BillingSettings {
  readonly payer: Payer;
  readonly defaultServiceId: string | null;
  readonly billTo: BillTo;
  readonly billingContactId: string | null;
}

export interface ChargeState {
  readonly amount: number;
  /** Applied payments minus the refunds taken back from this charge. */
  readonly paid: number;
}

export interface PaymentState {
  readonly amount: number;
  readonly refunded: number;
  /** What is applied now to each charge (refunds taken back), in the order applied. */
  readonly applications: readonly { readonly chargeId: string; readonly amount: number }[];
}

/** What a chart knows of its billing: settings, policies, and the ledger's charges and payments. */
export interface ChartBilling {
  readonly settings: BillingSettings | null;
  readonly policies: Readonly<Record<string, InsurancePolicy>>;
  /** The ledger's currency: that of its first charge or payment. */
  readonly currency: string | null;
  readonly charges: Readonly<Record<string, ChargeState>>;
  readonly payments: Readonly<Record<string, PaymentState>>;
}

export const emptyBilling: ChartBilling = { settings: null, policies: {}, currency: null, charges: {}, payments: {} };

const adjustCharges = (
  charges: ChartBilling['charges'],
  applications: readonly { chargeId: string; amount: number }[],
  sign: 1 | -1,
): ChartBilling['charges'] => {
  const next = { ...charges };
  for (const { chargeId, amount } of applications) {
    if (next[chargeId]) next[chargeId] = { ...next[chargeId], paid: next[chargeId].paid + sign * amount };
  }
  return next;
};

const takeBack = (applications: PaymentState['applications'], taken: readonly { chargeId: string; amount: number }[]) =>
  applications
    .map((a) => ({ ...a, amount: a.amount - taken.filter((t) => t.chargeId === a.chargeId).reduce((sum, t) => sum + t.amount, 0) }))
    .filter((a) => a.amount > 0);

export const evolveBilling = (billing: ChartBilling, event: ChartBillingEvent): ChartBilling => {
  switch (event.type) {
    case 'ClientBillingSettingsSet': {
      const { payer, defaultServiceId, billTo, billingContactId } = event.data;
      return { ...billing, settings: { payer, defaultServiceId, billTo, billingContactId } };
    }
    case 'InsurancePolicyAdded':
    case 'InsurancePolicyChanged': {
      const { chartId: _c, ...policy } = event.data;
      return { ...billing, policies: { ...billing.policies, [policy.policyId]: policy } };
    }
    case 'InsurancePolicyRemoved': {
      const { [event.data.policyId]: _removed, ...policies } = billing.policies;
      return { ...billing, policies };
    }
    case 'ChargeRecorded':
      return {
        ...billing,
        currency: billing.currency ?? event.data.currency,
        charges: { ...billing.charges, [event.data.chargeId]: { amount: event.data.amount, paid: 0 } },
      };
    case 'PaymentRecorded': {
      const { paymentId, amount, applications, currency } = event.data;
      return {
        ...billing,
        currency: billing.currency ?? currency,
        charges: adjustCharges(billing.charges, applications, 1),
        payments: { ...billing.payments, [paymentId]: { amount, refunded: 0, applications } },
      };
    }
    case 'PaymentRefunded': {
      const payment = billing.payments[event.data.paymentId];
      if (!payment) return billing;
      return {
        ...billing,
        charges: adjustCharges(billing.charges, event.data.applications, -1),
        payments: {
          ...billing.payments,
          [event.data.paymentId]: { ...payment, refunded: payment.refunded + event.data.amount, applications: takeBack(payment.applications, event.data.applications) },
        },
      };
    }
    default:
      return assertNever(event);
  }
};
