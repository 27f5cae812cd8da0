import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { type Projector, PARKED_EVENTS, allProjections, lagMetrics, projectionLag, type ProjectionLag } from '@practice/read-models';
import { problem, type Problem } from '../http/problem';
import { outboxCounts, outboxMetrics } from '../messages/outbox-counts';

/** Where the API reads how far its read models are: the log, the read store, its own projector if any. */
export interface ProjectionSources {
  readonly events: EventStore;
  readonly readStore: ReadStore;
  readonly projector: Projector | undefined;
}

/** In-process: the projector's own position; across processes: the slowest checkpoint. */
export const readModelLag = async ({ events, readStore, projector }: ProjectionSources): Promise<ProjectionLag> => {
  if (projector) return projectionLag(events, projector.status().position);
  const checkpoints = await Promise.all(allProjections.map((p) => readStore.getCheckpoint(p.name)));
  return projectionLag(events, Math.min(...checkpoints.map((c) => c ?? -1)));
};

/** The lag and the parked events in Prometheus' text format (the projector process serves the same). */
export const readModelMetrics = async (sources: ProjectionSources): Promise<string> => {
  const parked = sources.projector?.status().parked ?? (await sources.readStore.collection(PARKED_EVENTS).count({}));
  return lagMetrics(await readModelLag(sources), parked) + outboxMetrics(await outboxCounts(sources.readStore));
};

/** What `/health` answers: the lag, or 503 ProjectorStopped when the embedded projector has stopped. */
export type HealthReport = { readonly ok: true; readonly body: object } | { readonly ok: false; readonly problem: Problem };

/**
 * Health of the API process, the same on the API port and on METRICS_PORT. When the embedded projector
 * has stopped the read models no longer follow the log: the problem names why.
 */
export const healthReport = async (sources: ProjectionSources): Promise<HealthReport> => {
  const lag = await readModelLag(sources);
  const status = sources.projector?.status();
  const eventStore = { headPosition: lag.headPosition };
  const projector = { ...status, lag };
  if (status?.stopped) {
    const detail = `The projector stopped at position ${status.position}: ${status.stopped.reason}`;
    return { ok: false, problem: problem('ProjectorStopped', detail, { reason: status.stopped.reason, eventStore, projector }) };
  }
  return { ok: true, body: { status: 'ok', eventStore, projector, outbox: await outboxCounts(sources.readStore) } };
};
