import { join } from 'node:path';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { SqliteEventStore } from '../../../../libs/event-store/src/sqlite/sqlite-event-store';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { InMemoryReadStore } from '../../../../libs/read-store/src/memory/in-memory-read-store';
import { eventCodec } from '../../../../libs/events/src/event-registry';
import { allProjections } from '../../../../libs/read-models/src/all-projections';
import { Projector } from '../../../../libs/read-models/src/runtime/projector';
import type { AppConfig } from '../config';
import { SqliteCredentialStore, type CredentialStore } from '../infrastructure/credential-store';
import { SqliteChartReadSink, type ChartReadSink } from '../application/chart-read-audit';

/** The adapters a process runs on, chosen by configuration. */
export interface Runtime {
  readonly config: AppConfig;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly credentials: CredentialStore;
  readonly chartReads: ChartReadSink;
  /** Present when this process keeps the read models itself (always with the in-memory read store). */
  readonly projector: Projector | undefined;
  close(): Promise<void>;
}

export const createEventStore = async (config: AppConfig): Promise<EventStore> => {
  if (config.eventStoreUrl !== undefined) {
    const { EventStoreDbEventStore } = await import('../../../../libs/event-store/src/eventstoredb');
    return EventStoreDbEventStore.fromConnectionString(config.eventStoreUrl, eventCodec);
  }
  return new SqliteEventStore({ filename: join(config.dataDir, 'events.sqlite'), codec: eventCodec });
};

export const createReadStore = async (config: AppConfig): Promise<ReadStore> => {
  if (config.mongoUrl !== undefined) {
    const { MongoReadStore } = await import('../../../../libs/read-store/src/mongodb');
    return MongoReadStore.connect({ url: config.mongoUrl });
  }
  return new InMemoryReadStore();
};

const log = (message: string): void => {
  if (process.env.NODE_ENV !== 'test') console.log(`[projector] ${message}`);
};

export const createRuntime = async (config: AppConfig): Promise<Runtime> => {
  const eventStore = await createEventStore(config);
  const readStore = await createReadStore(config);
  const credentials = new SqliteCredentialStore(config.dataDir);
  const chartReads = new SqliteChartReadSink(config.dataDir);
  const projector = config.embeddedProjector
    ? new Projector(eventStore, readStore, allProjections, { log, onError: (error) => log(`stopped: ${String((error as Error)?.name)}`) })
    : undefined;
  return {
    config,
    eventStore,
    readStore,
    credentials,
    chartReads,
    projector,
    close: async () => {
      await projector?.stop();
      await eventStore.close();
      await readStore.close();
      await credentials.close();
      await chartReads.close();
    },
  };
};
