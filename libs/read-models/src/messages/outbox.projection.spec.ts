import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { OUTBOX, outboxProjection, TIMERS, timerProjection, type OutboxDocument, type TimerDocument } from './outbox.projection';

describe('outbox projection', () => {
  it('follows each message from queued to sent or parked, and ignores a replay (the same events twice)', async () => {
    const collection = new InMemoryReadStore().collection<OutboxDocument>(OUTBOX);
    const queued = (messageId: string) => ({
      type: 'MessageQueued',
      data: { messageId, kind: 'practice-invitation', practiceId: 'p-1', to: 'a@example.com', refs: {}, dueAt: '2026-01-01T00:00:00.000Z', causeEventId: 'e' },
    });
    const batch = recorded([
      queued('m-1'),
      queued('m-2'),
      { type: 'MessageSendStarted', data: { messageId: 'm-1', attempt: 1, startedAt: '2026-01-01T00:00:01.000Z' } },
      { type: 'MessageSent', data: { messageId: 'm-1', attempt: 1, sentAt: '2026-01-01T00:00:02.000Z' } },
      { type: 'MessageSendStarted', data: { messageId: 'm-2', attempt: 1, startedAt: '2026-01-01T00:00:01.000Z' } },
      { type: 'MessageSendFailed', data: { messageId: 'm-2', attempt: 1, reason: 'down', failedAt: '2026-01-01T00:00:02.000Z', nextAttemptAt: '2026-01-01T00:01:00.000Z' } },
      { type: 'MessageSendStarted', data: { messageId: 'm-2', attempt: 2, startedAt: '2026-01-01T00:01:00.000Z' } },
      { type: 'MessageParked', data: { messageId: 'm-2', why: 'refused', reason: '550 unknown user', parkedAt: '2026-01-01T00:01:01.000Z' } },
    ]);
    await applyBatch(outboxProjection, collection, batch);
    await applyBatch(outboxProjection, collection, batch);
    const docs = await collection.find({}, { sort: { _id: 1 } });
    expect(docs.map((d) => [d._id, d.status, d.attempts, d.nextAttemptAt, d.parkedWhy])).toEqual([
      ['m-1', 'sent', 1, null, null],
      ['m-2', 'parked', 2, null, 'refused'],
    ]);
  });

  it('keeps each timer with its latest due time and status', async () => {
    const collection = new InMemoryReadStore().collection<TimerDocument>(TIMERS);
    const set = (dueAt: string) => ({ type: 'TimerSet', data: { timerId: 't-1', purpose: 'appointment-reminder', practiceId: 'p', dueAt, chartId: 'c', appointmentId: 'a', appointmentStart: '2026-02-01T00:00:00.000Z' } });
    const batch = recorded([set('2026-01-01T00:00:00.000Z'), set('2026-01-02T00:00:00.000Z')]);
    await applyBatch(timerProjection, collection, batch);
    await applyBatch(timerProjection, collection, batch);
    expect(await collection.get('t-1')).toMatchObject({ status: 'set', dueAt: '2026-01-02T00:00:00.000Z' });
    await applyBatch(timerProjection, collection, recorded([{ type: 'TimerCancelled', data: { timerId: 't-1', reason: 'x' } }], { from: 10 }));
    expect(await collection.get('t-1')).toMatchObject({ status: 'cancelled' });
  });
  it("keeps a user's daily digest timer by user, re-set after it fired (the same events applied twice change nothing)", async () => {
    const collection = new InMemoryReadStore().collection<TimerDocument>(TIMERS);
    const set = (dueAt: string, localDate: string) => ({ type: 'TimerSet', data: { timerId: 't-d', purpose: 'daily-digest', userId: 'u-1', dueAt, localDate, timeZone: 'Europe/Paris' } });
    const batch = recorded([
      set('2026-03-28T06:00:00.000Z', '2026-03-28'),
      { type: 'TimerFired', data: { timerId: 't-d', dueAt: '2026-03-28T06:00:00.000Z', firedAt: '2026-03-28T06:00:01.000Z' } },
      set('2026-03-29T05:00:00.000Z', '2026-03-29'),
    ]);
    await applyBatch(timerProjection, collection, batch);
    await applyBatch(timerProjection, collection, batch);
    expect(await collection.find({ userId: 'u-1' })).toEqual([
      expect.objectContaining({ _id: 't-d', purpose: 'daily-digest', status: 'set', dueAt: '2026-03-29T05:00:00.000Z', localDate: '2026-03-29', timeZone: 'Europe/Paris', practiceId: null, appointmentId: null }),
    ]);
  });
});
