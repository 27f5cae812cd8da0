import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface AccessTokenClaims {
  readonly userId: string;
  /** The credential version the token was issued for. */
  readonly credentialVersion: number;
}

const ISSUER = 'practice-core';

/** Short-lived HS256 bearer tokens. */
export class TokenService {
  // jsonwebtoken turns a string secret into a KeyObject on every call; doing it once saves a
  // measurable share of every authenticated request.
  private readonly secret: KeyObject;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  get ttl(): number {
    return this.ttlSeconds;
  }

  issue(claims: AccessTokenClaims): string {
    return jwt.sign({ cv: claims.credentialVersion }, this.secret, {
      algorithm: 'HS256',
      subject: claims.userId,
      issuer: ISSUER,
      expiresIn: this.ttlSeconds,
    });
  }

  /** The claims of a valid token, or undefined for a missing, forged or expired one. */
  verify(token: string): AccessTokenClaims | undefined {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.cv !== 'number') {
        return undefined;
      }
      return { userId: payload.sub, credentialVersion: payload.cv };
    } catch {
      return undefined;
    }
  }
}
