import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** What an emailed link stands for. Nothing of it is stored: the link is signed when the message is sent. */
export type LinkClaims =
  | { readonly kind: 'practice-invitation'; readonly practiceId: string; readonly invitationId: string }
  /** `sentAt`: the invitation it was sent for; a newer invitation (a resend) replaces it. */
  | { readonly kind: 'portal-invitation'; readonly practiceId: string; readonly chartId: string; readonly sentAt: string };

const ISSUER = 'practice-core';
const AUDIENCE = 'message-link';
/** How long a portal invitation link works. */
export const PORTAL_LINK_TTL_SECONDS = 14 * 24 * 3600;

/**
 * Signed (HS256, the API's token secret), expiring links. Single use is the invitation's own state: the
 * link is honoured only while the invitation it names is open, so once accepted (or declined, revoked,
 * resent) it is dead.
 */
export class MessageLinks {
  private readonly secret: KeyObject;

  constructor(
    secret: string,
    private readonly publicUrl: string,
  ) {
    this.secret = createSecretKey(Buffer.from(`${secret}|message-links`, 'utf8'));
  }

  token(claims: LinkClaims, expiresAt: Date): string {
    return jwt.sign({ ...claims, exp: Math.floor(expiresAt.getTime() / 1000) }, this.secret, { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE });
  }

  /** The link a message carries: `PUBLIC_URL/invitation-link?token=…` or `PUBLIC_URL/portal/invitation-link?token=…`. */
  url(claims: LinkClaims, expiresAt: Date): string {
    const path = claims.kind === 'practice-invitation' ? '/invitation-link' : '/portal/invitation-link';
    return `${this.publicUrl}${path}?token=${encodeURIComponent(this.token(claims, expiresAt))}`;
  }

  /** The claims of a valid link token, or undefined for a forged, expired or malformed one. */
  verify(token: string): LinkClaims | undefined {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof payload === 'string') return undefined;
      const { kind, practiceId, invitationId, chartId, sentAt } = payload as Record<string, unknown>;
      if (kind === 'practice-invitation' && typeof practiceId === 'string' && typeof invitationId === 'string') return { kind, practiceId, invitationId };
      if (kind === 'portal-invitation' && typeof practiceId === 'string' && typeof chartId === 'string' && typeof sentAt === 'string') return { kind, practiceId, chartId, sentAt };
      return undefined;
    } catch {
      return undefined;
    }
  }
}
