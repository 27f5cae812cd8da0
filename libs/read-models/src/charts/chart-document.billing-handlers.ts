import type { EventHandlers } from '../projection';
import { change } from './chart-document.base';
import type { ChartDocument } from './chart.document';

/**
 * Billing events of the chart stream hold nothing the chart document shows (the ledger read model does),
 * but the document's revision, the chart's ETag, must follow every event of the stream.
 */
const stampRevision = (doc: ChartDocument | null, event: Parameters<EventHandlers<ChartDocument>[string]>[1]) => change(doc, event, () => ({}));

export const billingHandlers: EventHandlers<ChartDocument> = {
  ClientBillingSettingsSet: stampRevision,
  InsurancePolicyAdded: stampRevision,
  InsurancePolicyChanged: stampRevision,
  InsurancePolicyRemoved: stampRevision,
  ChargeRecorded: stampRevision,
  PaymentRecorded: stampRevision,
  PaymentRefunded: stampRevision,
};
