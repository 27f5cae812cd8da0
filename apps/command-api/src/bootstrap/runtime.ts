import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { createEventStore, createLogger, createReadStore } from '@practice/engines';
import { FileSystemBlobStore, GridFsBlobStore, type BlobStore } from '@practice/blob-store';
import { join } from 'node:path';
import { allProjections, Projector } from '@practice/read-models';
import type { AppConfig } from '../config';
import { SqliteCredentialStore, type CredentialStore } from '../infrastructure/credential-store';
import { MongoCredentialStore } from '../infrastructure/mongo-credential-store';
import { SecretBox } from '../infrastructure/secret-box';
import { ReadStoreChartReadSink, SqliteChartReadSink, type ChartReadSink } from '../application/chart-read-audit';
import { ReadStoreReportReadSink, SqliteReportReadSink, type ReportReadSink } from '../application/report-read-audit';
import { Messaging } from '../messages/messaging';
import { readModelSnapshots, type ReadModelSnapshots } from './read-model-snapshots';

/** The adapters a process runs on, chosen by configuration. */
export interface Runtime {
  readonly config: AppConfig;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly credentials: CredentialStore;
  readonly chartReads: ChartReadSink;
  /** Who read which report (a disclosure), apart from the read models like the chart reads. */
  readonly reportReads: ReportReadSink;
  /** The bytes of chart documents: DATA_DIR/blobs, or GridFS on MONGODB_URL's server. */
  readonly blobs: BlobStore;
  /** Present when this process keeps the read models itself (always with the in-memory read store). */
  readonly projector: Projector | undefined;
  /** The outbox (workflows and dispatcher): runs where the projector runs. */
  readonly messaging: Messaging | undefined;
  /** Snapshots of the in-memory read models (embedded default): loaded here, written at checkpoints and at close. */
  readonly snapshots: ReadModelSnapshots | undefined;
  close(): Promise<void>;
}

/** The embedded projector's lines through a logger of the configured level. */
const projectorLog = (config: AppConfig): ((message: string) => void) => {
  const logger = createLogger(config.logLevel);
  return (message) => logger.info({ context: 'projector' }, message);
};

/** `log`: where the embedded projector writes its lines (the process logger in main.ts). */
export const createRuntime = async (config: AppConfig, log: (message: string) => void = projectorLog(config)): Promise<Runtime> => {
  const eventStore = await createEventStore(config);
  const readStore = await createReadStore(config);
  // With MongoDB the API is stateless (any number of replicas): secrets live there too, apart from the read models.
  const secrets = new SecretBox(config.secretsKeys);
  const credentials: CredentialStore = config.mongoUrl
    ? await MongoCredentialStore.connect({ url: config.mongoUrl, secrets })
    : new SqliteCredentialStore(config.dataDir, secrets);
  // With MongoDB the API is stateless (any number of replicas): the read log lives there too.
  const chartReads = config.mongoUrl ? new ReadStoreChartReadSink(readStore) : new SqliteChartReadSink(config.dataDir);
  const reportReads = config.mongoUrl ? new ReadStoreReportReadSink(readStore) : new SqliteReportReadSink(config.dataDir);
  const blobs = config.mongoUrl
    ? await GridFsBlobStore.connect({ url: config.mongoUrl, dbName: `${databaseInUrl(config.mongoUrl) ?? 'practice'}_files` })
    : await FileSystemBlobStore.open(join(config.dataDir, 'blobs'));
  const snapshotWarnings = createLogger(config.logLevel);
  const snapshots = config.embeddedProjector
    ? readModelSnapshots(readStore, config.dataDir, config.snapshots, log, (message) => snapshotWarnings.warn({ context: 'projector' }, message))
    : undefined;
  await snapshots?.load();
  const projector = config.embeddedProjector
    ? new Projector(eventStore, readStore, allProjections, { log, onError: (error) => log(`stopped: ${String((error as Error)?.name)}`) })
    : undefined;
  if (projector) snapshots?.start(projector);
  const messaging = projector && config.messages.enabled ? new Messaging(eventStore, readStore, projector, config, log) : undefined;
  return {
    config,
    eventStore,
    readStore,
    credentials,
    chartReads,
    reportReads,
    blobs,
    projector,
    messaging,
    snapshots,
    close: async () => {
      await messaging?.stop();
      await projector?.stop();
      await snapshots?.close();
      await eventStore.close();
      await readStore.close();
      await credentials.close();
      await chartReads.close();
      await reportReads.close();
      await blobs.close();
    },
  };
};

/** The database a connection string names (`mongodb://host/practice?...` -> `practice`), if any. */
const databaseInUrl = (url: string): string | undefined => /^mongodb(?:\+srv)?:\/\/[^/]+\/([^/?]+)/.exec(url)?.[1];
