import { randomBytes } from 'node:crypto';
import { isSealed, keyIdOf, SecretBox, SecretKeyError } from './secret-box';

describe('SecretBox (AES-256-GCM at rest)', () => {
  const oldKey = randomBytes(32);
  const key = randomBytes(32);
  const box = new SecretBox({ current: key, previous: [] });
  const secret = 'JBSWY3DPEHPK3PXP';

  it('seals a secret so that the stored value does not show it, and opens it again', () => {
    const sealed = box.seal(secret, 'user-1');
    expect(sealed).not.toContain(secret);
    expect(sealed.startsWith(`enc:v1:${keyIdOf(key)}:`)).toBe(true);
    expect(isSealed(sealed)).toBe(true);
    expect(box.open(sealed, 'user-1')).toEqual({ secret, reseal: false });
  });

  it('uses a fresh IV every time: the same secret is stored differently', () => {
    const [a, b] = [box.seal(secret, 'user-1'), box.seal(secret, 'user-1')];
    expect(a).not.toBe(b);
    expect(a.split(':')[3]).not.toBe(b.split(':')[3]);
    expect(Buffer.from(a.split(':')[3], 'base64url')).toHaveLength(12);
    expect(Buffer.from(a.split(':')[4], 'base64url')).toHaveLength(16);
  });

  it('takes a value without the prefix for a plain secret stored before sealing, to be sealed', () => {
    expect(isSealed(secret)).toBe(false);
    expect(box.open(secret, 'user-1')).toEqual({ secret, reseal: true });
  });

  it('refuses a value sealed for another user, tampered with, or under an unknown key', () => {
    const sealed = box.seal(secret, 'user-1');
    expect(() => box.open(sealed, 'user-2')).toThrow();
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[5], 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([...parts.slice(0, 5), flipped.toString('base64url')].join(':'), 'user-1')).toThrow();
    expect(() => box.open([...parts.slice(0, 4), parts[4].slice(0, 6), parts[5]].join(':'), 'user-1')).toThrow();
    const stranger = new SecretBox({ current: randomBytes(32), previous: [] });
    expect(() => stranger.open(sealed, 'user-1')).toThrow(SecretKeyError);
  });

  it('after a rotation, reads values sealed with a previous key and asks for them to be sealed again', () => {
    const before = new SecretBox({ current: oldKey, previous: [] }).seal(secret, 'user-1');
    const rotated = new SecretBox({ current: key, previous: [oldKey] });
    expect(rotated.open(before, 'user-1')).toEqual({ secret, reseal: true });
    expect(rotated.seal(secret, 'user-1').startsWith(`enc:v1:${keyIdOf(key)}:`)).toBe(true);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new SecretBox({ current: randomBytes(16), previous: [] })).toThrow(SecretKeyError);
  });
});
