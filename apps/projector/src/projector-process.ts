import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventStore, createReadStore } from '@practice/engines';
import { allProjections, Projector, lagMetrics, projectionLag, VersionedReadStore } from '@practice/read-models';
import type { EventStore } from '@practice/event-store';
import type { ProjectorConfig } from './projector-config';
import { problem } from '../../command-api/src/http/problem';
import { Messaging } from '../../command-api/src/messages/messaging';

export interface ProjectorProcess {
  projector(): Projector;
  readonly port: number;
  stop(): Promise<void>;
}

const SWITCH_POLL_MS = 1000;

const sameVersions = (a: Map<string, string>, b: Map<string, string>): boolean =>
  [...a].every(([name, physical]) => b.get(name) === physical);

const serveHealth = (events: EventStore, current: () => Projector, port: number): Promise<http.Server> => {
  const server = http.createServer((request, response) => {
    void (async () => {
      const status = current().status();
      const lag = await projectionLag(events, status.position);
      if (request.url === '/metrics') {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(lagMetrics(lag, status.parked));
      } else if (request.url === '/health' && status.stopped) {
        // Stopped (a store failure, a subscription it gave up on): the read models no longer follow the log.
        const body = problem('ProjectorStopped', `The projector stopped at position ${status.position}: ${status.stopped.reason}`, {
          reason: status.stopped.reason,
          projector: { ...status, lag },
        });
        response.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ ...body, instance: '/health' }));
      } else if (request.url === '/health') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', projector: { ...status, lag } }));
      } else {
        const body = { ...problem('NotFound', 'This process serves /health and /metrics'), instance: (request.url ?? '/').split('?')[0] };
        response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify(body));
      }
    })().catch(() => response.writeHead(503).end());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
};

/**
 * The projector on its own: subscribes to the log from its checkpoints and keeps the MongoDB read
 * models; serves /health and /metrics. When a rebuild switches the read models to new collections it
 * restarts on them from their checkpoints (the position guard makes the overlap harmless). A fatal
 * subscription error goes to `onFatal` (the process exits so a supervisor restarts it).
 */
export const startProjectorProcess = async (
  config: ProjectorConfig,
  onFatal: (error: unknown) => void,
  log: (message: string) => void,
): Promise<ProjectorProcess> => {
  const events = await createEventStore(config);
  const readStore = await createReadStore(config);
  const make = (): Projector =>
    new Projector(events, readStore, allProjections, { maxBatchSize: config.maxBatchSize, log, onError: onFatal });
  let projector = make();
  const server = await serveHealth(events, () => projector, config.port);
  await projector.start();
  // The outbox follows whichever projector is current (a rebuild switches it).
  const messaging = config.messaging ? new Messaging(events, readStore, { waitFor: (position, ms) => projector.waitFor(position, ms) }, config.messaging, log) : undefined;
  await messaging?.start();

  let versions = readStore instanceof VersionedReadStore ? await readStore.currentVersions() : new Map<string, string>();
  let switching = Promise.resolve();
  const watch = setInterval(() => {
    if (!(readStore instanceof VersionedReadStore)) return;
    switching = switching
      .then(async () => {
        const now = await readStore.currentVersions();
        if (sameVersions(versions, now)) return;
        versions = now;
        log('read models switched to new collections; restarting on them');
        await projector.stop();
        projector = make();
        await projector.start();
      })
      .catch(onFatal);
  }, SWITCH_POLL_MS);

  return {
    projector: () => projector,
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      clearInterval(watch);
      await switching;
      await messaging?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await projector.stop();
      await events.close();
      await readStore.close();
    },
  };
};
