import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface AccessTokenClaims {
  readonly userId: string;
  /** The credential version the token was issued for. */
  readonly credentialVersion: number;
}

const ISSUER = 'practice-core';
/** Verified tokens remembered at most; past it the oldest is forgotten (and verified again if it comes back). */
const MAX_REMEMBERED = 10_000;

interface Verified {
  readonly claims: AccessTokenClaims;
  /** When jsonwebtoken would start refusing it as expired (`exp`, in milliseconds). */
  readonly expiresAtMs: number;
}

/** Short-lived HS256 bearer tokens. */
export class TokenService {
  // jsonwebtoken turns a string secret into a KeyObject on every call; doing it once saves a
  // measurable share of every authenticated request.
  private readonly secret: KeyObject;
  /**
   * Tokens already verified, by their full text (header, claims and signature): a client sends the
   * same token on every request, and the HMAC check, the decoding and the claim checks are the same
   * each time. Kept only until the token's `exp`; revocation is not decided here but by the credential
   * version, which the auth guard checks on every request.
   */
  private readonly verified = new Map<string, Verified>();

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
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return known.claims;
      this.verified.delete(token);
    }
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.cv !== 'number') {
        return undefined;
      }
      const claims = { userId: payload.sub, credentialVersion: payload.cv };
      if (typeof payload.exp === 'number') this.remember(token, { claims, expiresAtMs: payload.exp * 1000 });
      return claims;
    } catch {
      return undefined;
    }
  }

  private remember(token: string, verified: Verified): void {
    if (this.verified.size >= MAX_REMEMBERED) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, verified);
  }
}
