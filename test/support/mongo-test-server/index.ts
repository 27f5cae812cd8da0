/**
 * TEST HARNESS, never a deployment option: a MongoDB wire-protocol test server for CI, where MongoDB
 * cannot be installed. Production code connects to a real MongoDB (MONGODB_URL).
 */
export { MongoTestServer } from './mongo-test-server';
export type { CommandRecord, InjectedFailure, StartedMongoTestServer } from './mongo-test-server';
export { ErrorCodes } from './command-error';
export { UP_SERVER_DRIVER_OPTIONS } from './driver-options';
