import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { RecordedEvent } from '../../../../libs/events/src/envelope';
import { chartStream } from '../../../../libs/events/src/streams';
import type { ChartEvent } from '../../../../libs/events/src/chart.events';
import { chartDecider, chartNotFound } from '../../../../libs/domain/src/chart/chart.decider';

/**
 * A chart's history for auditors: every event in order, who did it and when, and (with `asOfRevision`)
 * the chart as it stood after that revision, folded by the same `evolve` the commands use.
 */
const isOfPractice = (first: RecordedEvent | undefined, practiceId: string): boolean =>
  first !== undefined && (first.data as { practiceId?: string }).practiceId === practiceId;

/** A chart of another practice, or none at all, is "not found" to the caller. */
export const assertChartOfPractice = async (store: EventStore, practiceId: string, chartId: string): Promise<void> => {
  if (!isOfPractice((await store.readStream(chartStream(chartId), { maxCount: 1 }))[0], practiceId)) throw chartNotFound();
};

export const chartHistory = async (store: EventStore, practiceId: string, chartId: string, asOfRevision?: number) => {
  const events = await store.readStream(chartStream(chartId));
  if (!isOfPractice(events[0], practiceId)) throw chartNotFound();
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
