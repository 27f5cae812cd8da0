import { keyPart } from '../reports/contributions';
import type { RevenueApplication, RevenueChartDocument } from './revenue.document';

/**
 * An amount a chart's money adds to the revenue documents: to the period counters of a day
 * (`period`), or to the open amount of the charges of a day, as of the day the change took effect (`open`).
 */
export type RevenueContribution =
  | { readonly doc: 'period'; readonly date: string; readonly key: string; readonly n: number }
  | { readonly doc: 'open'; readonly currency: string; readonly chargeDate: string; readonly key: string; readonly n: number };

/** The key of an open change: the day it took effect and the clinician of the charge. */
export const openChangeKey = (effectDate: string, practitionerId: string): string => `${effectDate}|${keyPart(practitionerId)}`;

/** Everything a chart's money counts for; a deleted chart (null) counts for nothing. */
export const revenueContributionsOf = (facts: RevenueChartDocument | null): RevenueContribution[] => {
  if (facts === null) return [];
  const out: RevenueContribution[] = [];
  const flow = (date: string, key: string, n: number) => {
    if (n !== 0) out.push({ doc: 'period', date, key, n });
  };
  const open = (currency: string, chargeDate: string, effectDate: string, practitionerId: string, n: number) => {
    if (n !== 0) out.push({ doc: 'open', currency, chargeDate, key: openChangeKey(effectDate, practitionerId), n });
  };
  /** Applications to charges of this chart, per clinician; what is not applied to a known charge is credit. */
  const applied = (applications: readonly RevenueApplication[], date: string, sign: 1 | -1, measure: string, currency: string) => {
    let onCharges = 0;
    for (const { chargeId, amount } of applications) {
      const charge = facts.charges[chargeId];
      if (charge === undefined) continue;
      onCharges += amount;
      flow(date, `${measure}:${currency}:${keyPart(charge.practitionerId)}`, amount);
      open(charge.currency, charge.date, date, charge.practitionerId, sign * amount);
    }
    return onCharges;
  };

  for (const charge of Object.values(facts.charges)) {
    const cur = charge.currency;
    flow(charge.date, `charges:${cur}`, 1);
    flow(charge.date, `charged:${cur}`, charge.amount);
    flow(charge.date, `clinicianCharges:${cur}:${keyPart(charge.practitionerId)}`, 1);
    flow(charge.date, `clinicianCharged:${cur}:${keyPart(charge.practitionerId)}`, charge.amount);
    open(cur, charge.date, charge.date, charge.practitionerId, charge.amount);
  }
  for (const payment of Object.values(facts.payments)) {
    const cur = payment.currency;
    flow(payment.date, `payments:${cur}`, 1);
    flow(payment.date, `paid:${cur}:${payment.method}`, payment.amount);
    flow(payment.date, `creditPaid:${cur}`, payment.amount - applied(payment.applications, payment.date, -1, 'clinicianPaid', cur));
    for (const refund of payment.refunds) {
      flow(refund.date, `refunds:${cur}`, 1);
      flow(refund.date, `refunded:${cur}`, refund.amount);
      flow(refund.date, `creditRefunded:${cur}`, refund.amount - applied(refund.applications, refund.date, 1, 'clinicianRefunded', cur));
    }
  }
  return out;
};
