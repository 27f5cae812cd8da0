import jwt from 'jsonwebtoken';

export interface AccessTokenClaims {
  readonly userId: string;
  /** The credential version the token was issued for. */
  readonly credentialVersion: number;
}

const ISSUER = 'practice-core';

/** Short-lived HS256 bearer tokens. */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

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
