import { ConfigError, loadConfig } from './config';
import { createApp } from './bootstrap/create-app';
import { createLogger } from './bootstrap/logger';
import { startMetricsServer } from './bootstrap/metrics-server';
import { createRuntime } from './bootstrap/runtime';
import { engineNames } from '@practice/engines';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const runtime = await createRuntime(config, (message) => logger.info({ context: 'projector' }, message));
  const app = await createApp(runtime, { logger });
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  const metrics = await startMetricsServer(runtime);
  const stop = (): void => void app.close().then(() => metrics.close()).then(() => runtime.close());
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  logger.info(
    { port: config.port, metrics: `${metrics.host}:${metrics.port}`, engines: engineNames(config), dataDir: config.dataDir, node: process.version },
    `command-api listening on port ${config.port}; metrics on ${metrics.host}:${metrics.port}`,
  );
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
