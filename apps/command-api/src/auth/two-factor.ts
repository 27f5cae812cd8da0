import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

const TOTP_STEP_SECONDS = 30;
// One step of clock drift either way is accepted, as authenticator apps drift.
const DRIFT_SECONDS = TOTP_STEP_SECONDS;

export const ISSUER = 'Practice core';
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = (): string => generateSecret();

export const otpauthUrl = (accountName: string, secret: string): string =>
  generateURI({ issuer: ISSUER, label: accountName, secret });

/**
 * The time step a code belongs to (within the accepted drift), or undefined for a wrong code. The step
 * is what makes a code single-use: the credential store refuses a step at or before the last one used.
 */
export const totpStepOf = (code: string, secret: string, nowMs: number): number | undefined => {
  try {
    const result = verifySync({
      secret,
      token: code.replace(/\s+/g, ''),
      epoch: Math.floor(nowMs / 1000),
      epochTolerance: DRIFT_SECONDS,
    });
    return result.valid ? Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS) + result.delta : undefined;
  } catch {
    return undefined;
  }
};

export const isValidTotp = (code: string, secret: string, nowMs: number = Date.now()): boolean =>
  totpStepOf(code, secret, nowMs) !== undefined;

const normalizeRecoveryCode = (code: string): string => code.replace(/[\s-]+/g, '').toLowerCase();

/** Recovery codes carry 50 random bits each, so a fast hash is enough; only the hashes are kept. */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(`recovery|${normalizeRecoveryCode(code)}`).digest('hex');

export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).readBigUInt64BE().toString(32).padStart(10, '0').slice(-10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
