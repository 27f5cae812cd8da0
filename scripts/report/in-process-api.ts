import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../apps/command-api/src/config';
import { createApp } from '../../apps/command-api/src/bootstrap/create-app';
import { createLogger } from '../../apps/command-api/src/bootstrap/logger';
import { createRuntime, type Runtime } from '../../apps/command-api/src/bootstrap/runtime';
import type { ApiTarget } from './api-target';

/**
 * No `--api`: the core itself, started in this process from the server's configuration (DATA_DIR for
 * the embedded default; MONGODB_URL and EVENTSTORE_URL for production) and listening on a loopback
 * port of its own. The CLI then sends the very requests it would send to a running API, so the token's
 * user, the role rules and the audit record of the export are the API's own, not a second copy.
 */
export const inProcessApi = async (env: NodeJS.ProcessEnv = process.env): Promise<ApiTarget> => {
  // The server's read-model snapshot is left alone: this process runs the TypeScript sources, whose
  // projections version differs from the build's, so it would only replace the server's snapshot.
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env, READ_MODEL_SNAPSHOTS: 'false' });
  const logger = createLogger(config.logLevel);
  const runtime: Runtime = await createRuntime(config, () => undefined);
  const app: NestFastifyApplication = await createApp(runtime, { logger });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
};
