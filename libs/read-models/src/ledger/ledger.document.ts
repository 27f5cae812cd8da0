import type { ReadDocument } from '@practice/read-store';

export const LEDGERS = 'chart-ledgers';

/** One charge of a chart: what a session (or a late cancellation, a no-show) costs. */
export interface LedgerCharge {
  readonly chargeId: string;
  readonly appointmentId: string;
  /** The session's day, YYYY-MM-DD (UTC). */
  readonly date: string;
  /** The session's start, ISO date-time. */
  readonly start: string;
  readonly kind: 'session' | 'late-cancel' | 'no-show';
  readonly serviceId: string | null;
  readonly serviceCode: string | null;
  readonly serviceName: string | null;
  readonly practitionerId: string;
  readonly amount: number;
  /** Applied payments minus the refunds taken back from this charge. */
  readonly paid: number;
}

export interface LedgerRefund {
  readonly refundId: string;
  readonly amount: number;
  readonly date: string;
}

export interface LedgerPayment {
  readonly paymentId: string;
  readonly amount: number;
  readonly currency: string;
  readonly method: 'card' | 'cash' | 'check' | 'other';
  readonly date: string;
  readonly reference: string | null;
  /** Refunded so far (the sum of `refunds`). */
  readonly refunded: number;
  /** What is applied now to each charge (refunds taken back). */
  readonly applications: readonly { readonly chargeId: string; readonly amount: number }[];
  readonly refunds: readonly LedgerRefund[];
}

/**
 * A chart's ledger (the Payments tab, the balance, superbills). Amounts are integers in minor units of
 * `currency` (null until the first charge or payment). `_id` is the chart id. Another read model (the
 * superbill) reads this shape: add fields, never change these.
 */
export interface LedgerDocument extends ReadDocument {
  readonly practiceId: string;
  readonly currency: string | null;
  readonly charges: readonly LedgerCharge[];
  readonly payments: readonly LedgerPayment[];
  readonly totals: {
    readonly charged: number;
    readonly paid: number;
    readonly refunded: number;
    /** charges − payments + refunds: above 0 the client owes, below 0 a credit. */
    readonly balance: number;
  };
  /** `totals.balance` again, at the top level so lists can sort and page on it. */
  readonly balance: number;
  /** The balance is above 0 (the practice list of open balances). */
  readonly open: boolean;
}
