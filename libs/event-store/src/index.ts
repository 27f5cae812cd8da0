export * from './event-store.port';
export * from './sqlite/sqlite-event-store';
export type { GroupCommitStats } from './sqlite/group-commit';
export * from './eventstoredb';
export { privateFile } from './sqlite/private-file';
