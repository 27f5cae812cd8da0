import type { ReadDocument } from '@practice/read-store';

/**
 * The shape of the ledger read model built by the billing work (charges and payments, issue 11 item
 * 5): one document per chart, `_id` the chart id, amounts in integer minor units of `currency`. It is
 * defined there; the superbill only reads it, so only what it reads is typed here. Until that work is
 * merged the collection is empty and a superbill lists no services.
 */
export const CHART_LEDGERS = 'chart-ledgers';

export type ChargeKind = 'session' | 'late-cancel' | 'no-show';

export interface LedgerCharge {
  readonly chargeId: string;
  readonly appointmentId: string;
  /** The day of the service, YYYY-MM-DD. */
  readonly date: string;
  readonly start: string;
  readonly kind: ChargeKind;
  readonly serviceId: string;
  readonly serviceCode: string;
  readonly serviceName: string;
  readonly practitionerId: string;
  readonly amount: number;
  readonly paid: number;
}

export interface ChartLedgerView extends ReadDocument {
  readonly practiceId: string;
  readonly currency: string;
  readonly charges: readonly LedgerCharge[];
  readonly payments: readonly unknown[];
  readonly totals: { readonly charged: number; readonly paid: number; readonly refunded: number; readonly balance: number };
}
