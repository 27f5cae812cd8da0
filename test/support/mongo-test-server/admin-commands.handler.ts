/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * Handshake, diagnostics and catalogue commands: hello / isMaster, ping, buildInfo, endSessions,
 * createIndexes, listIndexes, listCollections, drop, dropDatabase.
 *
 * The server presents itself as a MongoDB 7.0 standalone. Its hello reply carries no
 * `topologyVersion`, so the driver polls it (every heartbeatFrequencyMS) instead of holding an
 * awaitable "streaming" hello open, which this harness does not implement. It advertises
 * `logicalSessionTimeoutMinutes`, so the driver attaches implicit sessions (lsid), which are accepted
 * and ignored; a standalone supports no retryable writes, so no txnNumber is sent.
 */
import type { Document } from 'bson';
import { Query } from 'mingo';
import { CommandError, ErrorCodes } from './command-error';
import { CommandContext, CommandHandler, targetCollection } from './command-context';
import { describeIndex } from './index-definition';
import { mingoOptions } from './mingo-context';
import { MAX_MESSAGE_SIZE } from './wire-messages';

/** MongoDB 7.0; the driver (6.x) accepts wire versions 8 to 27. */
export const MAX_WIRE_VERSION = 21;
const SERVER_VERSION = [7, 0, 0, 0];
const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

function helloReply(context: CommandContext, legacy: boolean): Document {
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ...(context.asMongos ? { msg: 'isdbgrid' } : {}),
    ok: 1,
  };
}

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION.slice(0, 3).join('.'),
  gitVersion: 'mongo-test-server',
  versionArray: SERVER_VERSION,
  bits: 64,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  ok: 1,
});

const createIndexes: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'createIndexes');
  const requested = command.indexes;
  if (!Array.isArray(requested) || requested.length === 0) {
    throw new CommandError(ErrorCodes.BadValue, 'Must specify at least one index to create');
  }
  const { collection, created } = context.databases.getOrCreate(context.dbName, name);
  const before = collection.indexDefinitions().length;
  const built: string[] = [];
  try {
    for (const raw of requested as Document[]) if (collection.createIndex(raw)) built.push(raw.name as string);
  } catch (error) {
    // A real server builds all the indexes of one command or none of them.
    for (const indexName of built) collection.dropIndex(indexName);
    throw error;
  }
  return {
    createdCollectionAutomatically: created,
    numIndexesBefore: before,
    numIndexesAfter: collection.indexDefinitions().length,
    ...(built.length === 0 ? { note: 'all indexes already exist' } : {}),
    ok: 1,
  };
};

const listIndexes: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'listIndexes');
  const collection = context.databases.get(context.dbName, name);
  if (!collection) throw new CommandError(ErrorCodes.NamespaceNotFound, `ns does not exist: ${context.dbName}.${name}`);
  const indexes = collection.indexDefinitions().map(describeIndex);
  return context.cursors.open(collection.namespace, indexes, (command.cursor as Document | undefined)?.batchSize);
};

const listCollections: CommandHandler = (command, context) => {
  const entries = context.databases.list(context.dbName).map((collection) =>
    command.nameOnly === true
      ? { name: collection.name, type: 'collection' }
      : {
          name: collection.name,
          type: 'collection',
          options: {},
          info: { readOnly: false },
          idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
        },
  );
  const query = new Query((command.filter as Document) ?? {}, mingoOptions());
  const namespace = `${context.dbName}.$cmd.listCollections`;
  return context.cursors.open(namespace, entries.filter((entry) => query.test(entry)), (command.cursor as Document | undefined)?.batchSize);
};

const drop: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'drop');
  const dropped = context.databases.drop(context.dbName, name);
  // Since MongoDB 7.0 dropping a collection that does not exist succeeds.
  if (!dropped) return { ok: 1 };
  return { nIndexesWas: dropped.indexDefinitions().length, ns: dropped.namespace, ok: 1 };
};

const dropDatabase: CommandHandler = (_command, context) => {
  context.databases.dropDatabase(context.dbName);
  return { dropped: context.dbName, ok: 1 };
};

export const adminCommandHandlers: Readonly<Record<string, CommandHandler>> = {
  hello: (_command, context) => helloReply(context, false),
  isMaster: (_command, context) => helloReply(context, true),
  ismaster: (_command, context) => helloReply(context, true),
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  endSessions: () => ({ ok: 1 }),
  createIndexes,
  listIndexes,
  listCollections,
  drop,
  dropDatabase,
};

/** The commands a real server still accepts over legacy OP_QUERY: the handshake only. */
export const HANDSHAKE_COMMANDS: ReadonlySet<string> = new Set(['hello', 'isMaster', 'ismaster']);
