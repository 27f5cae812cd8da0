/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * mingo supplies MongoDB's query, projection, update and aggregation semantics. The server builds its
 * own operator context rather than registering operators globally, so loading the harness changes
 * nothing for other code in the test process that also uses mingo (the in-memory adapter).
 */
import type { Context, Query } from 'mingo';

type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;

// `mingo/init/context` is reachable only through the package's "exports" map, which the project's
// TypeScript module resolution (node10) does not read; Node's require does. Its default export builds
// a context holding every operator (the Aggregator alone knows only $match, $project and $sort, and
// countDocuments needs $group / $sum, pipeline updates $set / $project).
const fullContext = (require('mingo/init/context') as { default: () => Context }).default;
const context = fullContext();

export function mingoOptions(): MingoOptions {
  // No $where / $function: a test server has no business running code sent by a client.
  return { context, scriptEnabled: false };
}
