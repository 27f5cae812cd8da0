import { afterFailure, attemptKeyOf, currentAttempts, isLocked, LOCK_AFTER, LOCK_MS } from './sign-in-throttle';

describe('Sign-in throttle', () => {
  const now = new Date('2026-01-01T00:00:00.000Z');

  it('answers at once for the first failures, then slower and slower', () => {
    const delays: number[] = [];
    for (let failures = 1; failures < LOCK_AFTER; failures += 1) {
      const outcome = afterFailure(failures, now);
      delays.push(outcome.delayMs);
      expect(outcome.attempts).toEqual({ failures, lockedUntil: null });
    }
    expect(delays).toEqual([0, 0, 400, 800]);
  });

  it('locks for fifteen minutes at the fifth failure, then forgets once the lock ran out', () => {
    const outcome = afterFailure(LOCK_AFTER, now);
    expect(outcome.lockedNow).toBe(true);
    expect(outcome.attempts.lockedUntil).toBe(new Date(now.getTime() + LOCK_MS).toISOString());
    expect(isLocked(outcome.attempts, now)).toBe(true);
    const later = new Date(now.getTime() + LOCK_MS + 1);
    expect(isLocked(outcome.attempts, later)).toBe(false);
    expect(currentAttempts(outcome.attempts, later)).toEqual({ failures: 0, lockedUntil: null });
  });

  it('counts an address in any letter case as one', () => {
    expect(attemptKeyOf('Ada@Example.com ')).toBe(attemptKeyOf('ada@example.com'));
    expect(attemptKeyOf('ada@example.com')).not.toBe(attemptKeyOf('eve@example.com'));
  });
});
