import type { ReadDocument } from '@practice/read-store';
import type { Granularity } from '../reports/periods';

/** `_id` `practice|<practiceId>`: the practice's time zone, which a charge's day is taken in. */
export interface RevenuePracticeDocument extends ReadDocument {
  /** The kind of document in the `revenue` collection. */
  readonly kind: 'practice';
  readonly practiceId: string;
  /** The IANA time zone (the practice setting `timeZone`, `UTC` when not set). */
  readonly timeZone: string;
}

/** A charge as the revenue reports count it. */
export interface RevenueChargeFacts {
  /** The day of the session (its start, in the practice's time zone when the charge was projected), YYYY-MM-DD. */
  readonly date: string;
  /** The appointment's practitioner: the clinician the charge's income goes to. */
  readonly practitionerId: string;
  /** Minor units of `currency`. */
  readonly amount: number;
  /** ISO 4217. */
  readonly currency: string;
}

/** How much of a payment (or of a refund) went to (came off) which charge, in minor units. */
export interface RevenueApplication {
  readonly chargeId: string;
  readonly amount: number;
}

export interface RevenueRefundFacts {
  readonly refundId: string;
  /** The refund's date (YYYY-MM-DD, as recorded). */
  readonly date: string;
  readonly amount: number;
  /** What the refund took back from each charge (that charge is owed again); the rest came from the credit. */
  readonly applications: readonly RevenueApplication[];
}

export interface RevenuePaymentFacts {
  /** The payment's date (YYYY-MM-DD, as recorded). */
  readonly date: string;
  readonly currency: string;
  readonly method: 'card' | 'cash' | 'check' | 'other';
  readonly amount: number;
  /** The charges the payment was applied to when recorded; the rest was the client's credit. */
  readonly applications: readonly RevenueApplication[];
  readonly refunds: readonly RevenueRefundFacts[];
}

/**
 * `_id` `chart|<chartId>`: the charges and payments of one chart (amounts, dates, practitioners; no
 * names): the revenue projection compares what they contribute before and after each event.
 */
export interface RevenueChartDocument extends ReadDocument {
  /** The kind of document in the `revenue` collection. */
  readonly kind: 'chart';
  readonly practiceId: string;
  /** By charge id. */
  readonly charges: { readonly [chargeId: string]: RevenueChargeFacts };
  /** By payment id. */
  readonly payments: { readonly [paymentId: string]: RevenuePaymentFacts };
}

/**
 * `_id` `period|<practiceId>|<granularity>|<periodStart>`: money of one practice dated in one period (a
 * day, a week from Monday, a calendar month), in minor units, keyed `<measure>:<currency>[:<detail>]`.
 */
export interface RevenuePeriodDocument extends ReadDocument {
  /** The kind of document in the `revenue` collection. */
  readonly kind: 'period';
  readonly practiceId: string;
  readonly granularity: Granularity;
  /** The first day of the period (YYYY-MM-DD, in the practice's time zone). */
  readonly period: string;
  /**
   * `charges:<cur>` (count) and `charged:<cur>` (by the session's day); `payments:<cur>` (count) and
   * `paid:<cur>:<method>` (by the payment's date); `refunds:<cur>` and `refunded:<cur>` (by the refund's
   * date); per clinician `clinicianCharges|clinicianCharged|clinicianPaid|clinicianRefunded:<cur>:<practitionerId>`
   * (payments and refunds as applied to that clinician's charges); `creditPaid:<cur>` and
   * `creditRefunded:<cur>` (the parts of payments and refunds not applied to a charge).
   */
  readonly flow: { readonly [key: string]: number };
}

/**
 * `_id` `open|<practiceId>|<currency>|<chargeDate>`: what the charges of one day are owed, as changes by
 * the day each took effect, so the open amount as of any day is the sum of the changes up to it.
 */
export interface RevenueOpenDocument extends ReadDocument {
  /** The kind of document in the `revenue` collection. */
  readonly kind: 'open';
  readonly practiceId: string;
  readonly currency: string;
  /** The day of the charges (YYYY-MM-DD, practice time zone): what their age is counted from. */
  readonly chargeDate: string;
  /**
   * `<effectDate>|<practitionerId>` -> minor units: + a charge (on its day), − a payment applied to it
   * (on the payment's date), + a refund taken back from it (on the refund's date).
   */
  readonly changes: { readonly [key: string]: number };
  /**
   * The first day from which nothing of these charges is owed any more (every later change included);
   * `9999-12-31` while something is owed. An aging report as of day T reads the documents with
   * `chargeDate <= T < settledFrom`.
   */
  readonly settledFrom: string;
}

/** The `revenue` collection: practices, chart money facts, period sums and open amounts, told apart by `kind`. */
export type RevenueDocument = RevenuePracticeDocument | RevenueChartDocument | RevenuePeriodDocument | RevenueOpenDocument;
