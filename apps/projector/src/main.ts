import { createLogger, engineNames, parseLogLevel } from '@practice/engines';
import { loadProjectorConfig, ProjectorConfigError } from './projector-config';
import { startProjectorProcess } from './projector-process';

/** Structured lines like the API's (pino, LOG_LEVEL, pretty at a terminal), marked as the projector's. */
const logger = createLogger(parseLogLevel(process.env.LOG_LEVEL) ?? 'info', undefined, { process: 'projector' });

const main = async (): Promise<void> => {
  const config = loadProjectorConfig();
  logger.level = config.logLevel;
  const fatal = (error: unknown): void => {
    logger.fatal({ err: error }, 'projector stopped; exiting for a restart from the checkpoints');
    process.exit(1);
  };
  const running = await startProjectorProcess(config, fatal, (message) => logger.info(message));
  logger.info({ engines: engineNames(config), node: process.version, port: running.port }, 'projector caught up; health and metrics served');
  const stop = (): void => void running.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

main().catch((error: unknown) => {
  if (error instanceof ProjectorConfigError) logger.fatal(`configuration: ${error.message}`);
  else logger.fatal({ err: error }, 'projector failed to start');
  process.exit(1);
});
