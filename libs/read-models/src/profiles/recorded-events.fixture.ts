import type { DomainEvent, RecordedEvent } from '@practice/events';

/** Turns domain events into recorded ones with increasing positions, for projection specs. */
export const recorded = (events: readonly DomainEvent[], options: { from?: number; actorUserId?: string } = {}): RecordedEvent[] =>
  events.map((event, index) => {
    const position = (options.from ?? 0) + index;
    return {
      ...event,
      streamId: `s-${position}`,
      revision: 0,
      position,
      metadata: {
        eventId: `e-${position}`,
        schemaVersion: 1,
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, position)).toISOString(),
        actorUserId: options.actorUserId ?? 'u-actor',
        practiceId: null,
        correlationId: 'c',
        causationId: null,
        commandType: 'Test',
      },
    };
  });
