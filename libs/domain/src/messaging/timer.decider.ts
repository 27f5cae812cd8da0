import type { TimerEvent, TimerPurpose, TimerSet } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';

/**
 * A durable timer: its `timer-<id>` stream says when it is due; nothing about it lives only in memory.
 * Setting it again (the appointment moved) moves it, even after it fired; cancelling it drops it.
 */
export type TimerState =
  | { readonly status: 'none' | 'cancelled'; readonly dueAt: string | null }
  | { readonly status: 'set' | 'fired'; readonly dueAt: string; readonly purpose: TimerPurpose };

export interface TimerSubject {
  readonly practiceId: string;
  readonly chartId: string;
  readonly appointmentId: string;
  readonly appointmentStart: string;
}

/** A user's daily digest timer: due at 07:00 of `localDate` in `timeZone`. */
export interface DigestTimerSubject {
  readonly userId: string;
  readonly localDate: string;
  readonly timeZone: string;
}

export type TimerCommand =
  | ({ readonly type: 'SetTimer'; readonly timerId: string; readonly purpose: 'appointment-reminder'; readonly dueAt: string } & TimerSubject)
  | ({ readonly type: 'SetTimer'; readonly timerId: string; readonly purpose: 'daily-digest'; readonly dueAt: string } & DigestTimerSubject)
  | { readonly type: 'CancelTimer'; readonly timerId: string; readonly reason: string }
  | { readonly type: 'FireTimer'; readonly timerId: string; readonly now: string };

const decide = (command: TimerCommand, state: TimerState): readonly TimerEvent[] => {
  switch (command.type) {
    case 'SetTimer': {
      const { type: _type, ...data } = command;
      if (state.status === 'set' && state.dueAt === command.dueAt) return [];
      return [{ type: 'TimerSet', data: data as TimerSet['data'] }];
    }
    case 'CancelTimer':
      return state.status === 'set' ? [{ type: 'TimerCancelled', data: { timerId: command.timerId, reason: command.reason } }] : [];
    case 'FireTimer':
      return state.status === 'set' && Date.parse(state.dueAt) <= Date.parse(command.now)
        ? [{ type: 'TimerFired', data: { timerId: command.timerId, dueAt: state.dueAt, firedAt: command.now } }]
        : [];
    default:
      return assertNever(command);
  }
};

const evolve = (state: TimerState, event: TimerEvent): TimerState => {
  switch (event.type) {
    case 'TimerSet':
      return { status: 'set', dueAt: event.data.dueAt, purpose: event.data.purpose };
    case 'TimerCancelled':
      return { status: 'cancelled', dueAt: state.dueAt };
    case 'TimerFired':
      return state.status === 'set' ? { ...state, status: 'fired' } : state;
    default:
      return assertNever(event);
  }
};

export const timerDecider: Decider<TimerCommand, TimerState, TimerEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', dueAt: null }),
};
