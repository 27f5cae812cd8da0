export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
export { DEFAULT_RECONNECT_POLICY, type ReconnectPolicy } from './catch-up-subscription';
