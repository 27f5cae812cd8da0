/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * mingo supplies MongoDB's query, projection, update and aggregation semantics.
 */
import type { Query } from 'mingo';

type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;

// mingo 7's main entry (Query, Aggregator, update) carries every operator in its own context, so
// nothing is registered globally and the in-memory adapter in the same process is unaffected.
export function mingoOptions(): MingoOptions {
  // No $where / $function: a test server has no business running code sent by a client.
  return { scriptEnabled: false };
}
