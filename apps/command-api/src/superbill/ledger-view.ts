import type { LedgerCharge } from '@practice/read-models';

/** The superbill reads the chart's ledger read model (charges and payments) as the billing work keeps it. */
export { LEDGERS as CHART_LEDGERS, type LedgerDocument as ChartLedgerView, type LedgerCharge } from '@practice/read-models';

export type ChargeKind = LedgerCharge['kind'];
