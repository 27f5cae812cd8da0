import type { ReadDocument } from '@practice/read-store';

export type ClientStatus = 'Active' | 'Pending' | 'Inactive';

/** The fields of a client list row (without the store's `_id` / `_position`). */
export interface ClientListRow {
  readonly practiceId: string;
  readonly kind: 'individual' | 'minor' | 'group';
  /** For a group chart: its name as firstName, '' as lastName. */
  readonly firstName: string;
  readonly lastName: string;
  readonly legalName: { readonly firstName: string; readonly lastName: string } | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly status: ClientStatus;
  readonly active: boolean;
  readonly invitation: 'none' | 'invited' | 'accepted';
  /** Tag ids; names are resolved against the tag catalogue when the list is read. */
  readonly tagIds: readonly string[];
  readonly incomplete: boolean;
  /** Lower-cased "last first" with the id as tie-breaker lives in the cursor; this is the sort key. */
  readonly sortName: string;
  /** Lower-cased names, legal names and email, for the text search. */
  readonly searchText: string;
  /** `<practiceId>|<1 to 3 first characters of a word of searchText>`: the search's index keys (client-search.ts). */
  readonly searchPrefixes: readonly string[];
  /** `<practiceId>|<a whole word of searchText>`: a longer search reads a range of these (client-search.ts). */
  readonly searchWords: readonly string[];
  /**
   * `<practiceId>|status:Active`, `<practiceId>|kind:minor`, `<practiceId>|incomplete:true`,
   * `<practiceId>|tag:<id>`: one multikey index over these, sorted by name, lets any filter of the list
   * read only its own rows, in page order, within the practice (100,000 clients, a page costs a page).
   */
  readonly segments: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One row of a practice's client list. `_id` is the client id (= its chart id). */
export interface ClientListDocument extends ReadDocument, ClientListRow {}
