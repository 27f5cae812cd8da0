import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/command-api/src/config';
import { createRuntime } from '../apps/command-api/src/bootstrap/runtime';
import { createApp } from '../apps/command-api/src/bootstrap/create-app';
import { createLogger } from '../apps/command-api/src/bootstrap/logger';
import { buildOpenApiDocument } from '../apps/command-api/src/http/openapi';

/** Writes the OpenAPI document of the app (no server is started) to the file given, default openapi.json. */
const main = async (): Promise<void> => {
  const out = process.argv[2] ?? 'openapi.json';
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-core-openapi-'));
  const runtime = await createRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }));
  const app = await createApp(runtime, { logger: createLogger('error') });
  await app.init();
  writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`openapi: wrote ${out}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
