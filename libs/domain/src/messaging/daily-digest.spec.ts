import type { DailyDigestTimer, DigestPractice, TimerFired } from '@practice/events';
import { dailyDigestOnTimer, digestMessageName, digestTimeZone, digestTimerName, digestTimerOnChange, userCategoryOf } from './daily-digest';

const recorded = <E>(event: E, eventId = 'e-1', occurredAt = '2026-03-28T06:00:01.000Z') => ({ event, eventId, occurredAt });
const userId = 'u-1';
const fired = (dueAt: string, firedAt = dueAt): TimerFired => ({ type: 'TimerFired', data: { timerId: 't-1', dueAt, firedAt } });
const timer = (localDate: string, dueAt: string, timeZone = 'Europe/Paris'): DailyDigestTimer => ({ timerId: 't-1', purpose: 'daily-digest', userId, dueAt, localDate, timeZone });
const busy: DigestPractice = { practiceId: 'p-1', appointmentsToday: 3, overdueTasks: 1, notesAwaitingSignature: 2, newClients: 1, payments: [{ currency: 'USD', count: 2, total: 30000 }] };
const quiet: DigestPractice = { practiceId: 'p-2', appointmentsToday: 0, overdueTasks: 0, notesAwaitingSignature: 0, newClients: 0, payments: null };
const user = (on = true, timeZone = 'Europe/Paris') => ({ email: 'ada@example.com', dailyDigestAndPayments: on, timeZone });

describe('Daily digest: its time zone', () => {
  it("given no zone of the user's own, then the practice's, else UTC; an unknown name falls back too", () => {
    expect(digestTimeZone('Asia/Tokyo', 'Europe/Paris')).toBe('Asia/Tokyo');
    expect(digestTimeZone(null, 'Europe/Paris')).toBe('Europe/Paris');
    expect(digestTimeZone(null, undefined)).toBe('UTC');
    expect(digestTimeZone(null, 'Not/AZone')).toBe('UTC');
  });
});

describe('Daily digest: the timer', () => {
  it('given a sign-up (or a time zone change, a new practice), then one timer per user is set at the next 07:00 in their zone', () => {
    expect(digestTimerOnChange({ userId, exists: true, timeZone: 'America/New_York', now: '2026-03-01T15:00:00.000Z' })).toEqual([
      { kind: 'setDigestTimer', name: digestTimerName(userId), dueAt: '2026-03-02T12:00:00.000Z', subject: { userId, localDate: '2026-03-02', timeZone: 'America/New_York' } },
    ]);
    expect(digestTimerOnChange({ userId, exists: false, timeZone: 'UTC', now: '2026-03-01T15:00:00.000Z' })).toEqual([]);
  });

  it('given the timer fires on the last morning before the clocks go forward, then it is set again for 07:00 local the next day (23 hours later)', () => {
    const actions = dailyDigestOnTimer(recorded(fired('2026-03-28T06:00:00.000Z')), timer('2026-03-28', '2026-03-28T06:00:00.000Z'), { user: user(), practices: [busy] });
    expect(actions[1]).toEqual({ kind: 'setDigestTimer', name: digestTimerName(userId), dueAt: '2026-03-29T05:00:00.000Z', subject: { userId, localDate: '2026-03-29', timeZone: 'Europe/Paris' } });
  });

  it('given the clocks went back overnight, then the next digest is 25 hours later, still at 07:00 local', () => {
    const actions = dailyDigestOnTimer(recorded(fired('2026-10-24T05:00:00.000Z')), timer('2026-10-24', '2026-10-24T05:00:00.000Z'), { user: user(), practices: [] });
    expect(actions).toEqual([{ kind: 'setDigestTimer', name: digestTimerName(userId), dueAt: '2026-10-25T06:00:00.000Z', subject: { userId, localDate: '2026-10-25', timeZone: 'Europe/Paris' } }]);
  });

  it('given the user changed zone since it was set, then the next one is at 07:00 in the new zone', () => {
    const actions = dailyDigestOnTimer(recorded(fired('2026-03-02T06:00:00.000Z')), timer('2026-03-02', '2026-03-02T06:00:00.000Z'), { user: user(true, 'Asia/Tokyo'), practices: [] });
    expect(actions).toEqual([expect.objectContaining({ kind: 'setDigestTimer', dueAt: '2026-03-02T22:00:00.000Z', subject: { userId, localDate: '2026-03-03', timeZone: 'Asia/Tokyo' } })]);
  });

  it('given the user is gone, then nothing is sent or set', () => {
    expect(dailyDigestOnTimer(recorded(fired('2026-03-02T06:00:00.000Z')), timer('2026-03-02', '2026-03-02T06:00:00.000Z'), { user: null, practices: [busy] })).toEqual([]);
  });
});

describe('Daily digest: the message', () => {
  const at = '2026-03-02T06:00:00.000Z';

  it('given the category on and something to say, then one digest named by the user and the local day, with counts only', () => {
    const [digest] = dailyDigestOnTimer(recorded(fired(at)), timer('2026-03-02', at), { user: user(), practices: [busy, quiet] });
    expect(digest).toEqual({
      kind: 'queue',
      name: digestMessageName(userId, '2026-03-02'),
      message: {
        kind: 'daily-digest',
        practiceId: null,
        to: 'ada@example.com',
        refs: { userId, localDate: '2026-03-02', timeZone: 'Europe/Paris', digest: [busy, quiet] },
        dueAt: at,
      },
    });
  });

  it('given the same timer handled again (a replay, a restart), then the same message name: one digest a day', () => {
    const first = dailyDigestOnTimer(recorded(fired(at), 'e-1'), timer('2026-03-02', at), { user: user(), practices: [busy] });
    const again = dailyDigestOnTimer(recorded(fired(at, '2026-03-02T09:00:00.000Z'), 'e-2'), timer('2026-03-02', at), { user: user(), practices: [busy] });
    expect(again[0]).toMatchObject({ name: (first[0] as { name: string }).name });
  });

  it('given the category switched off, then no digest, and the timer is still set for tomorrow (switched on again, it sends)', () => {
    const off = dailyDigestOnTimer(recorded(fired(at)), timer('2026-03-02', at), { user: user(false), practices: [busy] });
    expect(off).toEqual([expect.objectContaining({ kind: 'setDigestTimer', subject: expect.objectContaining({ localDate: '2026-03-03' }) })]);
    const on = dailyDigestOnTimer(recorded(fired('2026-03-03T06:00:00.000Z')), timer('2026-03-03', '2026-03-03T06:00:00.000Z'), { user: user(true), practices: [busy] });
    expect(on.map((a) => a.kind)).toEqual(['queue', 'setDigestTimer']);
  });

  it('given nothing to say in any practice, then the digest is skipped', () => {
    expect(dailyDigestOnTimer(recorded(fired(at)), timer('2026-03-02', at), { user: user(), practices: [quiet] }).map((a) => a.kind)).toEqual(['setDigestTimer']);
    expect(dailyDigestOnTimer(recorded(fired(at)), timer('2026-03-02', at), { user: user(), practices: [] }).map((a) => a.kind)).toEqual(['setDigestTimer']);
  });

  it("given a timer found a day late (the process was down), then no digest for a past day; later the same day it still sends", () => {
    const late = dailyDigestOnTimer(recorded(fired(at, '2026-03-03T08:00:00.000Z')), timer('2026-03-02', at), { user: user(), practices: [busy] });
    expect(late).toEqual([expect.objectContaining({ kind: 'setDigestTimer', dueAt: '2026-03-04T06:00:00.000Z' })]);
    const sameDay = dailyDigestOnTimer(recorded(fired(at, '2026-03-02T15:00:00.000Z')), timer('2026-03-02', at), { user: user(), practices: [busy] });
    expect(sameDay.map((a) => a.kind)).toEqual(['queue', 'setDigestTimer']);
    expect(sameDay[1]).toMatchObject({ dueAt: '2026-03-03T06:00:00.000Z' });
  });

  it('says which messages are user categories (honoured) and which are transactional', () => {
    expect(userCategoryOf('daily-digest')).toBe('dailyDigestAndPayments');
    expect(userCategoryOf('product-update')).toBe('productUpdatesAndTips');
    expect(userCategoryOf('practice-invitation')).toBeNull();
    expect(userCategoryOf('appointment-reminder')).toBeNull();
  });
});
