import { ConfigError, loadConfig } from './config';
import { createApp } from './bootstrap/create-app';
import { createLogger } from './bootstrap/logger';
import { startMetricsServer } from './bootstrap/metrics-server';
import { createRuntime } from './bootstrap/runtime';
import { settleAfterCatchUp } from './bootstrap/heap-release';
import { engineNames } from '@practice/engines';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const runtime = await createRuntime(config, (message) => logger.info({ context: 'projector' }, message));
  const app = await createApp(runtime, { logger });
  const released = await settleAfterCatchUp(runtime);
  if (released) logger.info({ context: 'projector', ...released }, 'heap released after the catch-up');
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  void runtime.snapshots?.finishLoad();
  const metrics = await startMetricsServer(runtime);
  // Nest's shutdown hook raises the signal again once the app is closed: the listeners stay, so that
  // signal does not end the process before the runtime is closed (the read-model snapshot written).
  let stopping: Promise<void> | undefined;
  const stop = (): void => {
    stopping ??= app.close().then(() => metrics.close()).then(() => runtime.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ error: (error as Error)?.name }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.info(
    { port: config.port, metrics: `${metrics.host}:${metrics.port}`, engines: engineNames(config), dataDir: config.dataDir, node: process.version },
    `command-api listening on port ${config.port}; metrics on ${metrics.host}:${metrics.port}`,
  );
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
