import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { chartStream } from '../../../../libs/events/src/streams';
import type { ChartEvent } from '../../../../libs/events/src/chart.events';
import { chartDecider, chartNotFound } from '../../../../libs/domain/src/chart/chart.decider';

/**
 * A chart's history for auditors: every event in order, who did it and when, and (with `asOfRevision`)
 * the chart as it stood after that revision, folded by the same `evolve` the commands use.
 */
export const chartHistory = async (store: EventStore, practiceId: string, chartId: string, asOfRevision?: number) => {
  const events = await store.readStream(chartStream(chartId));
  const created = events[0];
  if (!created || (created.data as { practiceId?: string }).practiceId !== practiceId) throw chartNotFound();
  const upTo = asOfRevision === undefined ? events : events.filter((event) => event.revision <= asOfRevision);
  return {
    chartId,
    revision: events[events.length - 1].revision,
    events: upTo.map((event) => ({
      type: event.type,
      revision: event.revision,
      position: event.position,
      occurredAt: event.metadata.occurredAt,
      actorUserId: event.metadata.actorUserId,
      commandType: event.metadata.commandType,
      correlationId: event.metadata.correlationId,
      eventId: event.metadata.eventId,
      data: event.data,
    })),
    ...(asOfRevision === undefined
      ? {}
      : { stateAsOf: upTo.reduce((state, event) => chartDecider.evolve(state, event as unknown as ChartEvent), chartDecider.initialState()) }),
  };
};
