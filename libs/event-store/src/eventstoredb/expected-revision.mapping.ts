import type { AppendExpectedRevision, CurrentRevision } from '@eventstore/db-client';
import type { ExpectedRevision } from '../event-store.port';

/**
 * The port counts revisions with numbers, the client with bigints (EventStoreDB revisions are uint64).
 * Numbers are exact up to 2^53 events in one stream, which no stream of this system comes near.
 */
export const toClientExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  if (typeof expected !== 'number') return expected;
  // -1 is how the port reports "no stream" as an actual revision; read back as an expectation it means the same.
  if (expected === -1) return 'no_stream';
  if (!Number.isSafeInteger(expected) || expected < -1) {
    throw new RangeError(`expected revision must be an integer >= -1, got ${expected}`);
  }
  return BigInt(expected);
};

/** The stream's last revision as the port reports it: -1 when the stream does not exist. */
export const fromClientCurrentRevision = (current: CurrentRevision | undefined): number | undefined => {
  if (current === undefined) return undefined;
  return current === 'no_stream' ? -1 : Number(current);
};
