import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { EventStore } from '@practice/event-store';
import { type RecordedEvent, chartStream, type ChartEvent } from '@practice/events';
import { chartDecider, chartNotFound, type ChartState } from '@practice/domain';
import { foldRecorded } from '../application/command-runner';
import { Keyset, limitOf, PageQueryDto } from '../http/keyset-page';

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

export class ChartHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Also return the chart as it stood after this revision; the events end there' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'must be a non-negative integer' })
  asOfRevision?: string;
}

// Paged by revision: the cursor is the revision of the last event of the page.
const historyKeyset = new Keyset('chart-history', ['number']);

/** An event as every history shows it: what happened, where in its stream and the log, when, by whom, by which command. */
export const historyEntry = (event: RecordedEvent) => ({
  type: event.type,
  revision: event.revision,
  position: event.position,
  occurredAt: event.metadata.occurredAt,
  actorUserId: event.metadata.actorUserId,
  commandType: event.metadata.commandType,
});

const eventView = (event: RecordedEvent) => ({ ...historyEntry(event), correlationId: event.metadata.correlationId, eventId: event.metadata.eventId, data: event.data });

export const chartHistory = async (store: EventStore, practiceId: string, chartId: string, query: ChartHistoryQueryDto) => {
  const stream = chartStream(chartId);
  await assertChartOfPractice(store, practiceId, chartId);
  const asOfRevision = query.asOfRevision === undefined ? undefined : Number(query.asOfRevision);
  const limit = limitOf(query);
  const fromRevision = query.cursor === undefined ? 0 : (historyKeyset.decode(query.cursor)[0] as number) + 1;
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  const read = await store.readStream(stream, { fromRevision, maxCount: limit + 1 });
  const upTo = asOfRevision === undefined ? read : read.filter((event) => event.revision <= asOfRevision);
  const page = historyKeyset.page(upTo, limit, (event) => [event.revision]);
  return {
    chartId,
    revision: last.revision,
    events: page.items.map(eventView),
    nextCursor: page.nextCursor,
    ...(asOfRevision === undefined ? {} : { stateAsOf: await stateAsOf(store, stream, Math.min(asOfRevision, last.revision)) }),
  };
};

const stateAsOf = async (store: EventStore, stream: string, asOfRevision: number) => {
  const events = await store.readStream(stream, { maxCount: asOfRevision + 1 });
  return foldRecorded<ChartState, ChartEvent>(chartDecider, events);
};
