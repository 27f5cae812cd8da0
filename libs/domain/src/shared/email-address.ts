import { invalid } from './domain-error';
import { hasLoneSurrogate } from './unicode-text';

// Deliberately permissive (RFC 5322 is larger than any regex); the real proof of an address is the
// invitation that reaches it.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The form used for uniqueness: trimmed and lower-cased (emails are compared case-insensitively). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const isEmailAddress = (email: string): boolean =>
  email.length <= 320 && !hasLoneSurrogate(email) && EMAIL.test(email.trim());

export const assertEmailAddress = (email: string, field = 'email'): string => {
  if (!isEmailAddress(email)) throw invalid('InvalidEmail', field, 'must be an email address');
  return email.trim();
};
