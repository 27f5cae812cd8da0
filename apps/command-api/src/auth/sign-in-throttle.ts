import { createHash } from 'node:crypto';
import { normalizeEmail } from '../../../../libs/domain/src/shared/email-address';
import type { SignInAttempts } from '../infrastructure/credential-store';

/** Failures before answers slow down, and before the address is locked. */
export const SLOW_DOWN_AFTER = 2;
export const LOCK_AFTER = 5;
export const SLOW_DOWN_STEP_MS = 400;
export const LOCK_MS = 15 * 60 * 1000;

/**
 * Failures are counted per email address, whether or not an account has it: an unknown address slows
 * down and locks exactly like a known one, so the lockout does not tell which emails exist.
 */
export const attemptKeyOf = (email: string): string =>
  createHash('sha256').update(`sign-in|${normalizeEmail(email)}`).digest('hex');

export const isLocked = (attempts: SignInAttempts, now: Date): boolean =>
  attempts.lockedUntil !== null && Date.parse(attempts.lockedUntil) > now.getTime();

/** The attempts as they count now: a lock that has run out is forgotten with its failures. */
export const currentAttempts = (attempts: SignInAttempts, now: Date): SignInAttempts =>
  attempts.lockedUntil !== null && !isLocked(attempts, now) ? { failures: 0, lockedUntil: null } : attempts;

export interface FailureOutcome {
  readonly attempts: SignInAttempts;
  /** How long to hold the answer back: the slow-down. */
  readonly delayMs: number;
  readonly lockedNow: boolean;
}

/** What the `failures`-th failure in a row (counted atomically by the credential store) leads to. */
export const afterFailure = (failures: number, now: Date): FailureOutcome => {
  if (failures >= LOCK_AFTER) {
    return { attempts: { failures, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() }, delayMs: 0, lockedNow: true };
  }
  const delayMs = failures > SLOW_DOWN_AFTER ? (failures - SLOW_DOWN_AFTER) * SLOW_DOWN_STEP_MS : 0;
  return { attempts: { failures, lockedUntil: null }, delayMs, lockedNow: false };
};
