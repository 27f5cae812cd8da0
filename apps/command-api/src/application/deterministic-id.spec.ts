import { createHash } from 'node:crypto';
import { deterministicUuid } from './deterministic-id';

/** The version 5 layout set on the bytes of the SHA-1, as the ids in the log were derived. */
const fromBytes = (name: string): string => {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

describe('deterministicUuid', () => {
  it('is a version 5 UUID with the RFC 4122 variant', () => {
    expect(deterministicUuid('a command|chartId')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is the same for the same name and differs for another', () => {
    expect(deterministicUuid('x|y')).toBe(deterministicUuid('x|y'));
    expect(deterministicUuid('x|y')).not.toBe(deterministicUuid('x|z'));
  });

  it('gives the ids derived before (the version and variant set on the bytes), for every variant nibble', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `command-${i}|chart-${i}|${i % 3}`).concat(['', 'é|ß|日本', 'anonymous|CreatePractice|key']);
    const nibbles = new Set(names.map((name) => fromBytes(name)[19]));
    expect(nibbles).toEqual(new Set(['8', '9', 'a', 'b']));
    for (const name of names) expect(deterministicUuid(name)).toBe(fromBytes(name));
  });
});
