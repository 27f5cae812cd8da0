import { createLogger } from '../../apps/command-api/src/bootstrap/logger';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '../../apps/command-api/src/config';
import { createApp } from '../../apps/command-api/src/bootstrap/create-app';
import { createRuntime } from '../../apps/command-api/src/bootstrap/runtime';
import { DEMO_PRACTICE, seedDemo } from './demo-seed';

/**
 * `npm run demo`: fills the data of `npm start` (DATA_DIR, default ./data; or the production engines
 * when EVENTSTORE_URL / MONGODB_URL are set) with a demo practice, through the API served on a private
 * port for the time it takes. Stop `npm start` first: the embedded event log is one process's.
 */
const main = async (): Promise<void> => {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const app = await createApp(runtime, { logger: createLogger('error') });
  await app.listen(0, '127.0.0.1');
  try {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const summary = await seedDemo(`http://127.0.0.1:${port}`, (line) => console.log(`demo: ${line}`));
    console.log(`\n${DEMO_PRACTICE} is ready in ${config.dataDir} (practice ${summary.practiceId}, ${summary.clients} clients).`);
    console.log('Start the API with `npm start` and sign in (POST /auth/sign-in) as:\n');
    for (const user of summary.users) console.log(`  ${user.role.padEnd(9)} ${user.email.padEnd(40)} password: ${user.password}`);
  } finally {
    await app.close();
    await runtime.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
