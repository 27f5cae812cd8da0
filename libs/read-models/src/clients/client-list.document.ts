import type { ReadDocument } from '../../../read-store/src/read-store.port';

export type ClientStatus = 'Active' | 'Pending' | 'Inactive';

/** One row of a practice's client list. `_id` is the client id (= its chart id). */
export interface ClientListDocument extends ReadDocument {
  readonly practiceId: string;
  readonly kind: 'individual' | 'minor' | 'group';
  readonly firstName: string;
  readonly lastName: string;
  readonly legalName: { readonly firstName: string; readonly lastName: string } | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly status: ClientStatus;
  readonly tags: readonly string[];
  readonly incomplete: boolean;
  /** Lower-cased "last first" with the id as tie-breaker lives in the cursor; this is the sort key. */
  readonly sortName: string;
  /** Lower-cased names, legal names and email, for the text search. */
  readonly searchText: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
