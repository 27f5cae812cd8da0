import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The keys secrets are sealed with: the current one, and earlier ones still read while values move on. */
export interface SecretKeys {
  readonly current: Buffer;
  readonly previous: readonly Buffer[];
}

// enc:v1:<key id>:<iv>:<auth tag>:<ciphertext>, each part base64url. "v1" is this format (AES-256-GCM,
// 96-bit IV, 128-bit tag); the key id names the key, so a value sealed before a rotation is still read.
const FORMAT = 'enc:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class SecretKeyError extends Error {}

/** Whether a stored value is sealed; a value without the prefix is a secret stored before sealing. */
export const isSealed = (stored: string): boolean => stored.startsWith(FORMAT);

/** Not secret: the first 48 bits of the key's SHA-256, enough to tell a handful of keys apart. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/**
 * Seals secrets kept at rest (the 2-step TOTP secrets) with AES-256-GCM: a random IV per value, the
 * auth tag kept, and the owner as associated data, so a sealed value copied onto another user does
 * not open.
 */
export class SecretBox {
  private readonly currentId: string;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(keys: SecretKeys) {
    for (const key of [keys.current, ...keys.previous]) {
      if (key.length !== KEY_BYTES) throw new SecretKeyError(`a secrets key must be ${KEY_BYTES} bytes`);
    }
    this.currentId = keyIdOf(keys.current);
    this.keys = new Map([...keys.previous, keys.current].map((key) => [keyIdOf(key), key]));
  }

  /** Plain (stored before sealing) or sealed with a previous key: to be sealed again with the current key. */
  needsResealing(stored: string): boolean {
    if (!isSealed(stored)) return true;
    const keyId = stored.slice(FORMAT.length).split(':')[0];
    return keyId !== this.currentId && this.keys.has(keyId);
  }

  seal(secret: string, owner: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return FORMAT + [this.currentId, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
  }

  /**
   * The secret of a stored value, and whether the value should be written again: it is plain (stored
   * before sealing), or sealed with a previous key. A value that does not open is an error, never
   * taken for a plain secret.
   */
  open(stored: string, owner: string): { readonly secret: string; readonly reseal: boolean } {
    if (!isSealed(stored)) return { secret: stored, reseal: true };
    const [keyId, iv, tag, ciphertext] = stored.slice(FORMAT.length).split(':');
    const key = this.keys.get(keyId);
    if (!key) throw new SecretKeyError(`a secret was sealed with key ${keyId}, which is neither SECRETS_KEY nor one of SECRETS_KEY_PREVIOUS`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(owner, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
    const secret = Buffer.concat([decipher.update(Buffer.from(ciphertext ?? '', 'base64url')), decipher.final()]).toString('utf8');
    return { secret, reseal: keyId !== this.currentId };
  }
}
