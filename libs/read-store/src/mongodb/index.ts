export { MongoReadStore, CHECKPOINTS_COLLECTION } from './mongodb-read-store';
export type { MongoReadStoreOptions } from './mongodb-read-store';
export { MongoReadCollection } from './mongodb-read-collection';
