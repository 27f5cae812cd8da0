import { deciderSpec } from '../../../../test/support/decider-spec';
import type { TimerEvent } from '@practice/events';
import { timerDecider } from './timer.decider';

const spec = deciderSpec(timerDecider);
const timerId = 't-1';
const subject = { practiceId: 'p-1', chartId: 'c-1', appointmentId: 'a-1', appointmentStart: '2026-03-02T10:00:00.000Z' };
const set = (dueAt: string): TimerEvent => ({ type: 'TimerSet', data: { timerId, purpose: 'appointment-reminder', dueAt, ...subject } });
const setCommand = (dueAt: string) => ({ type: 'SetTimer' as const, timerId, purpose: 'appointment-reminder' as const, dueAt, ...subject });

describe('Timer decider', () => {
  it('sets a timer; setting it again at the same time changes nothing; a new time moves it', () => {
    spec.given([]).when(setCommand('2026-03-01T10:00:00.000Z')).then([set('2026-03-01T10:00:00.000Z')]);
    spec.given([set('2026-03-01T10:00:00.000Z')]).when(setCommand('2026-03-01T10:00:00.000Z')).then([]);
    spec.given([set('2026-03-01T10:00:00.000Z')]).when(setCommand('2026-03-02T10:00:00.000Z')).then([set('2026-03-02T10:00:00.000Z')]);
  });

  describe('when it is set', () => {
    it('fires once it is due, not before, and only once', () => {
      spec.given([set('2026-03-01T10:00:00.000Z')]).when({ type: 'FireTimer', timerId, now: '2026-03-01T09:00:00.000Z' }).then([]);
      const fired: TimerEvent = { type: 'TimerFired', data: { timerId, dueAt: '2026-03-01T10:00:00.000Z', firedAt: '2026-03-01T10:00:01.000Z' } };
      spec.given([set('2026-03-01T10:00:00.000Z')]).when({ type: 'FireTimer', timerId, now: '2026-03-01T10:00:01.000Z' }).then([fired]);
      spec.given([set('2026-03-01T10:00:00.000Z'), fired]).when({ type: 'FireTimer', timerId, now: '2026-03-01T11:00:00.000Z' }).then([]);
    });

    it('is dropped when cancelled, and a cancelled timer never fires', () => {
      const cancelled: TimerEvent = { type: 'TimerCancelled', data: { timerId, reason: 'appointment cancelled' } };
      spec.given([set('2026-03-01T10:00:00.000Z')]).when({ type: 'CancelTimer', timerId, reason: 'appointment cancelled' }).then([cancelled]);
      spec.given([set('2026-03-01T10:00:00.000Z'), cancelled]).when({ type: 'FireTimer', timerId, now: '2026-03-02T00:00:00.000Z' }).then([]);
      spec.given([set('2026-03-01T10:00:00.000Z'), cancelled]).when({ type: 'CancelTimer', timerId, reason: 'again' }).then([]);
    });
  });
});
