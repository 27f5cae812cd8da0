import type { EventStore } from '@practice/event-store';

export interface ProjectionLag {
  readonly headPosition: number;
  readonly position: number;
  /** Events in the log after the read models' position (counted up to LAG_COUNT_CAP). */
  readonly eventsBehind: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly secondsBehind: number;
}

const LAG_COUNT_CAP = 10_000;

/**
 * How far the read models are behind the log. Positions are not counts (EventStoreDB's are byte
 * offsets), so events behind are counted by reading what follows the checkpoint, up to a cap.
 */
export const projectionLag = async (store: EventStore, position: number, now: Date = new Date()): Promise<ProjectionLag> => {
  const headPosition = await store.headPosition();
  if (position >= headPosition) return { headPosition, position, eventsBehind: 0, secondsBehind: 0 };
  const behind = await store.readAll({ after: position < 0 ? undefined : position, maxCount: LAG_COUNT_CAP });
  const oldest = behind[0] ? Date.parse(behind[0].metadata.occurredAt) : now.getTime();
  return {
    headPosition,
    position,
    eventsBehind: behind.length,
    secondsBehind: Math.max(0, (now.getTime() - oldest) / 1000),
  };
};

/** The same figures in Prometheus' text format, for a scraper. */
export const lagMetrics = (lag: ProjectionLag, parked: number): string =>
  [
    '# HELP projector_position Log position of the last event applied to every read model.',
    '# TYPE projector_position gauge',
    `projector_position ${lag.position}`,
    '# HELP event_store_head_position Log position of the last event in the log.',
    '# TYPE event_store_head_position gauge',
    `event_store_head_position ${lag.headPosition}`,
    '# HELP projector_lag_events Events in the log not yet applied to the read models.',
    '# TYPE projector_lag_events gauge',
    `projector_lag_events ${lag.eventsBehind}`,
    '# HELP projector_lag_seconds Age of the oldest event not yet applied.',
    '# TYPE projector_lag_seconds gauge',
    `projector_lag_seconds ${lag.secondsBehind}`,
    '# HELP projector_parked_events Events parked because they failed their schema.',
    '# TYPE projector_parked_events gauge',
    `projector_parked_events ${parked}`,
    '',
  ].join('\n');
