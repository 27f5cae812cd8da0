import { join } from 'node:path';
import { type EventStore, SqliteEventStore } from '@practice/event-store';
import { type ReadStore, InMemoryReadStore } from '@practice/read-store';
import { eventCodec } from '@practice/events';
import { allProjections, VersionedReadStore } from '@practice/read-models';

export const projectionNames: ReadonlySet<string> = new Set(allProjections.map((projection) => projection.name));

/** Which engines a process runs on. Unset URLs mean the embedded defaults. */
export interface EngineSettings {
  readonly dataDir: string;
  readonly eventStoreUrl: string | undefined;
  readonly mongoUrl: string | undefined;
}

/** EventStoreDB when EVENTSTORE_URL is set, otherwise the embedded SQLite log under DATA_DIR. */
export const createEventStore = async (settings: EngineSettings): Promise<EventStore> => {
  if (settings.eventStoreUrl !== undefined) {
    const { EventStoreDbEventStore } = await import('@practice/event-store');
    return EventStoreDbEventStore.fromConnectionString(settings.eventStoreUrl, eventCodec);
  }
  return new SqliteEventStore({ filename: join(settings.dataDir, 'events.sqlite'), codec: eventCodec });
};

/** MongoDB when MONGODB_URL is set, otherwise in-memory read models (rebuilt from the log at start). */
export const createReadStore = async (settings: EngineSettings): Promise<ReadStore> => {
  if (settings.mongoUrl !== undefined) {
    const { MongoReadStore } = await import('@practice/read-store');
    // Read models in MongoDB outlive the process: they are versioned so a rebuild can switch them blue/green.
    return new VersionedReadStore(await MongoReadStore.connect({ url: settings.mongoUrl }), projectionNames);
  }
  return new InMemoryReadStore();
};

export const engineNames = (settings: EngineSettings): string =>
  `${settings.eventStoreUrl ? 'EventStoreDB' : 'SQLite'} / ${settings.mongoUrl ? 'MongoDB' : 'in-memory'}`;
