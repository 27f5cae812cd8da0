/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * The records of the test server's log and the answers it gives, shared by the log and its rules.
 */

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export interface LoggedEvent extends ProposedEvent {
  readonly streamId: string;
  readonly revision: bigint;
  /** .NET ticks (100 ns) since the Unix epoch: what the server puts in the `created` metadata entry. */
  readonly created: bigint;
  /** EventStoreDB gives an event outside explicit transactions commit == prepare == its log position. */
  readonly position: bigint;
}

export type WriteOutcome =
  /** `revision` -1 means the stream does not exist (an empty write to a missing stream). */
  | { readonly kind: 'success'; readonly revision: bigint; readonly position: bigint | undefined }
  /** `current` undefined: the stream does not exist. */
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined; readonly expected: ExpectedState }
  | { readonly kind: 'stream_deleted' };

export type StreamReadOutcome =
  | { readonly kind: 'events'; readonly events: readonly LoggedEvent[] }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'stream_deleted' };

export type ReadFrom = 'start' | 'end' | bigint;
export type Direction = 'forwards' | 'backwards';

/** One stream's state in the log. */
export interface StreamState {
  /** Every event ever written, indexed by revision (revisions are contiguous from 0). */
  readonly events: LoggedEvent[];
  /** A soft delete hides the revisions below this one. */
  truncateBefore: bigint;
  softDeleted: boolean;
  tombstone: LoggedEvent | undefined;
}
