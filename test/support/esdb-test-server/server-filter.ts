/**
 * TEST HARNESS, never a deployment option. Part of the EventStoreDB gRPC test server that lets the real
 * `@eventstore/db-client` run in CI, where EventStoreDB cannot be installed.
 *
 * The server-side `$all` filter: on the stream identifier or on the event type, by prefixes or by a
 * regular expression, with a checkpoint every `checkpointIntervalMultiplier x window` events searched.
 */
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { LoggedEvent } from './in-memory-log';

export interface ServerFilter {
  readonly accepts: (event: LoggedEvent) => boolean;
  /** Send a checkpoint after this many events have been looked at (matching or not). */
  readonly checkpointEvery: number;
}

/** EventStoreDB's default search window when the client asks for `count` rather than `max`. */
const DEFAULT_WINDOW = 32;

export const serverFilterOf = (options: streams.ReadReq.Options): ServerFilter | undefined => {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return undefined;
  const onStream = filter.getFilterCase() === streams.ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const field = onStream ? (event: LoggedEvent) => event.streamId : (event: LoggedEvent) => event.type;
  const matches = expressionMatcher(expression);
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_WINDOW;
  return {
    accepts: (event) => matches(field(event)),
    checkpointEvery: Math.max(1, filter.getCheckpointintervalmultiplier()) * Math.max(1, window),
  };
};

const expressionMatcher = (expression: streams.ReadReq.Options.FilterOptions.Expression | undefined): ((value: string) => boolean) => {
  const regex = expression?.getRegex();
  if (regex) {
    const pattern = new RegExp(regex);
    return (value) => pattern.test(value);
  }
  const prefixes = expression?.getPrefixList() ?? [];
  if (prefixes.length === 0) return () => true;
  return (value) => prefixes.some((prefix) => value.startsWith(prefix));
};
