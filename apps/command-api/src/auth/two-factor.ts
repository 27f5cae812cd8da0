import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';

// One step of clock drift either way is accepted, as authenticator apps drift.
authenticator.options = { window: 1 };

export const ISSUER = 'Practice core';
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = (): string => authenticator.generateSecret();

export const otpauthUrl = (accountName: string, secret: string): string => authenticator.keyuri(accountName, ISSUER, secret);

export const isValidTotp = (code: string, secret: string): boolean => {
  try {
    return authenticator.check(code.replace(/\s+/g, ''), secret);
  } catch {
    return false;
  }
};

const TOTP_STEP_SECONDS = 30;

/**
 * The time step a code belongs to (within the accepted drift), or undefined for a wrong code. The step
 * is what makes a code single-use: the credential store refuses a step at or before the last one used.
 */
export const totpStepOf = (code: string, secret: string, nowMs: number): number | undefined => {
  try {
    const delta = authenticator.checkDelta(code.replace(/\s+/g, ''), secret);
    return delta === null ? undefined : Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS) + delta;
  } catch {
    return undefined;
  }
};

const normalizeRecoveryCode = (code: string): string => code.replace(/[\s-]+/g, '').toLowerCase();

/** Recovery codes carry 50 random bits each, so a fast hash is enough; only the hashes are kept. */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(`recovery|${normalizeRecoveryCode(code)}`).digest('hex');

export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).readBigUInt64BE().toString(32).padStart(10, '0').slice(-10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
