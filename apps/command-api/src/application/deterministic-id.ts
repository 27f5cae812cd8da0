import { hash } from 'node:crypto';

// The variant bits (10xx) of the UUID's ninth byte, by the high nibble of that byte: 8, 9, a, b.
const VARIANT_NIBBLE = '89ab89ab89ab89ab';

/**
 * A UUID (version 5 layout) derived from a name. A command retried with the same idempotency key
 * derives the same command id, the same new entity ids and the same event ids, so a retry appends
 * nothing twice (EventStoreDB requires event ids to be UUIDs).
 *
 * The SHA-1 is the one-shot `crypto.hash` (no Hash object per call: a create derives two or three
 * ids, and `createHash` was 4-5% of the server's thread in a profile of POST /clients); the version
 * and variant bits are set on the hex digits, giving the same UUID as setting them on the bytes.
 */
export const deterministicUuid = (name: string): string => {
  const hex = hash('sha1', name, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${VARIANT_NIBBLE[parseInt(hex[16], 16)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
