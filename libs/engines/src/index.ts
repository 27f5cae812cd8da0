export { createEventStore, createReadStore, engineNames, projectionNames, type EngineSettings } from './engines';
