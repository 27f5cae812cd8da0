import { createHash } from 'node:crypto';
import { normalizeEmail } from '@practice/domain';
import type { SignInLimits } from '../infrastructure/credential-store';

/** Failed attempts answered at once, before answers slow down. */
export const SLOW_DOWN_AFTER = 2;
/** Password checks per address and window; the last one failing locks the address. */
export const LOCK_AFTER = 5;
export const SLOW_DOWN_STEP_MS = 400;
/** How long a window lasts from its first attempt, and the lock from the failure that used it up. */
export const LOCK_MS = 15 * 60 * 1000;

/**
 * At most LOCK_AFTER password checks per address in a window of LOCK_MS, however many requests arrive
 * at once: each check takes its slot (atomically, in the credential store) before it is made.
 */
export const SIGN_IN_LIMITS: SignInLimits = { maxAttempts: LOCK_AFTER, windowMs: LOCK_MS };

/**
 * Attempts are counted per email address, whether or not an account has it: an unknown address slows
 * down and locks exactly like a known one, so the lockout does not tell which emails exist.
 */
export const attemptKeyOf = (email: string): string =>
  createHash('sha256').update(`sign-in|${normalizeEmail(email)}`).digest('hex');

export interface FailureOutcome {
  /** How long to hold the answer back: the slow-down. */
  readonly delayMs: number;
  /** Set when this failure used the window up: the address is locked until then. */
  readonly lockedUntil: string | null;
}

/** What the failure of the `attempt`-th password check of the window leads to. */
export const afterFailure = (attempt: number, now: Date): FailureOutcome => {
  if (attempt >= LOCK_AFTER) return { delayMs: 0, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() };
  const delayMs = attempt > SLOW_DOWN_AFTER ? (attempt - SLOW_DOWN_AFTER) * SLOW_DOWN_STEP_MS : 0;
  return { delayMs, lockedUntil: null };
};

/** Retry-After, in whole seconds (at least 1), for a refusal until `until`. */
export const retryAfterSeconds = (until: string, now: Date): number => Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
