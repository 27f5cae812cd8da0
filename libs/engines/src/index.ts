export { createEventStore, createReadStore, engineNames, projectionNames, type EngineSettings } from './engines';
export { createLogger, LOG_LEVELS, parseLogLevel, type DestinationStream, type Logger, type LogLevel } from './logger';
export { batchedDestination, type BatchedDestination } from './log-destination';
