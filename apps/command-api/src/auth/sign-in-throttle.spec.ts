import { afterFailure, attemptKeyOf, LOCK_AFTER, LOCK_MS, retryAfterSeconds, SIGN_IN_LIMITS } from './sign-in-throttle';

describe('Sign-in throttle', () => {
  const now = new Date('2026-01-01T00:00:00.000Z');

  it('answers at once for the first failures of a window, then slower and slower', () => {
    const delays: number[] = [];
    for (let attempt = 1; attempt < LOCK_AFTER; attempt += 1) {
      const outcome = afterFailure(attempt, now);
      delays.push(outcome.delayMs);
      expect(outcome.lockedUntil).toBeNull();
    }
    expect(delays).toEqual([0, 0, 400, 800]);
  });

  it('locks for fifteen minutes when the fifth check of the window fails', () => {
    expect(afterFailure(LOCK_AFTER, now)).toEqual({ delayMs: 0, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() });
    expect(SIGN_IN_LIMITS).toEqual({ maxAttempts: 5, windowMs: 15 * 60 * 1000 });
  });

  it('asks to retry after whole seconds, never less than one', () => {
    expect(retryAfterSeconds(new Date(now.getTime() + LOCK_MS).toISOString(), now)).toBe(900);
    expect(retryAfterSeconds(new Date(now.getTime() + 1_200).toISOString(), now)).toBe(2);
    expect(retryAfterSeconds(now.toISOString(), now)).toBe(1);
  });

  it('counts an address in any letter case as one', () => {
    expect(attemptKeyOf('Ada@Example.com ')).toBe(attemptKeyOf('ada@example.com'));
    expect(attemptKeyOf('ada@example.com')).not.toBe(attemptKeyOf('eve@example.com'));
  });
});
