import { afterFailure, attemptKeyOf, currentAttempts, isLocked, LOCK_AFTER, LOCK_MS } from './sign-in-throttle';

describe('Sign-in throttle', () => {
  const now = new Date('2026-01-01T00:00:00.000Z');

  it('answers at once for the first failures, then slower and slower', () => {
    let attempts = { failures: 0, lockedUntil: null as string | null };
    const delays: number[] = [];
    for (let i = 1; i < LOCK_AFTER; i += 1) {
      const outcome = afterFailure(attempts, now);
      delays.push(outcome.delayMs);
      attempts = outcome.attempts;
    }
    expect(delays).toEqual([0, 0, 400, 800]);
  });

  it('locks for fifteen minutes at the fifth failure, then forgets once the lock ran out', () => {
    const outcome = afterFailure({ failures: LOCK_AFTER - 1, lockedUntil: null }, now);
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
