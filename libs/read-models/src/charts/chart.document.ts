import type { ReadDocument } from '../../../read-store/src/read-store.port';
import type { ClientStatus } from '../clients/client-list.document';

interface Name {
  readonly firstName: string;
  readonly lastName: string;
}

/** Everything the client profile screen shows, in one read. `_id` is the chart id. */
export interface ChartDocument extends ReadDocument {
  readonly practiceId: string;
  readonly kind: 'individual' | 'minor' | 'group';
  readonly profile: {
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string | null;
    readonly phone: string | null;
    readonly status: ClientStatus;
  };
  readonly identity: { readonly legalName: Name | null };
  readonly setup: { readonly complete: boolean; readonly completedAt: string | null };
  /** The chart stream's revision this document reflects (the ETag of the chart). */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
