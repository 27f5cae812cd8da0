import { ConfigError, loadConfig } from './config';
import { createApp } from './bootstrap/create-app';
import { createRuntime } from './bootstrap/runtime';
import { engineNames } from '../../../libs/engines/src/engines';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const app = await createApp(runtime);
  app.enableShutdownHooks();
  process.once('SIGTERM', () => void app.close().then(() => runtime.close()));
  process.once('SIGINT', () => void app.close().then(() => runtime.close()));
  await app.listen(config.port);
  console.log(
    `command-api listening on port ${config.port} (${engineNames(config)}, data in ${config.dataDir}; node ${process.version})`,
  );
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
