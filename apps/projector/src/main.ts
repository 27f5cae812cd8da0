import { loadProjectorConfig, ProjectorConfigError } from './projector-config';
import { startProjectorProcess } from './projector-process';
import { engineNames } from '@practice/engines';

const main = async (): Promise<void> => {
  const config = loadProjectorConfig();
  const fatal = (error: unknown): void => {
    console.error(`[projector] stopped: ${error instanceof Error ? error.name : 'error'}; exiting for a restart from the checkpoints`);
    process.exit(1);
  };
  const running = await startProjectorProcess(config, fatal);
  console.log(`projector caught up (${engineNames(config)}; node ${process.version}); health and metrics on port ${running.port}`);
  const stop = (): void => void running.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof ProjectorConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
