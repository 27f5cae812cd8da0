export * from './read-store.port';
export { InMemoryReadStore } from './memory/in-memory-read-store';
export { InMemoryCollection, InvalidBulkError } from './memory/in-memory-collection';
export { IndexConflictError } from './memory/collection-state';
export type { QueryPlan } from './memory/query-plan';
export { isUnavailable } from './mongodb/mongodb-errors';
export { MongoReadStore } from './mongodb/index';
