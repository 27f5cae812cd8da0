import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import { streamCategory } from '@practice/events';
import type { EventFilter } from '../event-store.port';
import { isSystemEvent } from './recorded-event.mapping';

type CheckpointReached = NonNullable<Filter['checkpointReached']>;

/**
 * EventStoreDB filters `$all` on the server by one expression, on the stream name or on the event type.
 * The port's filter (categories or types, either matching) and "no system events" do not always fit in
 * one expression, so the server does the most it can and `accepts` finishes the job on the client.
 */
export interface FilterPlan {
  readonly serverFilter: (checkpointReached: CheckpointReached) => Filter;
  readonly accepts: (event: { readonly streamId: string; readonly type: string }) => boolean;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const alternatives = (values: readonly string[]): string => values.map(escapeRegex).join('|');

/** An empty list names nothing, so it matches nothing; an absent list does not take part. */
export const matchesEventFilter = (filter: EventFilter | undefined, event: { readonly streamId: string; readonly type: string }): boolean => {
  if (!filter || (filter.streamCategories === undefined && filter.eventTypes === undefined)) return true;
  return (filter.streamCategories?.includes(streamCategory(event.streamId)) ?? false) || (filter.eventTypes?.includes(event.type) ?? false);
};

export const planFilter = (filter: EventFilter | undefined): FilterPlan => ({
  serverFilter: (checkpointReached) => serverFilterFor(filter, checkpointReached),
  accepts: (event) => !isSystemEvent(event) && matchesEventFilter(filter, event),
});

const serverFilterFor = (filter: EventFilter | undefined, checkpointReached: CheckpointReached): Filter => {
  const categories = filter?.streamCategories;
  const types = filter?.eventTypes;
  if (categories?.length && types === undefined) {
    // A category is everything before the first dash; `$` streams never match, so they stay out.
    return streamNameFilter({ regex: `^(?:${alternatives(categories)})(?:-|$)`, checkpointReached });
  }
  if (types?.length && categories === undefined) {
    return eventTypeFilter({ regex: `^(?:${alternatives(types)})$`, checkpointReached });
  }
  return excludeSystemEvents({ checkpointReached });
};
