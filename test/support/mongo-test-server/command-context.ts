/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * What a command handler sees: the server's data and cursors, and which database and connection the
 * command came from. Handlers are synchronous, so one command never interleaves with another.
 */
import type { Document } from 'bson';
import type { CursorRegistry } from './cursor-registry';
import type { TestDatabases } from './test-databases';

export interface CommandContext {
  readonly dbName: string;
  readonly databases: TestDatabases;
  readonly cursors: CursorRegistry;
  readonly connectionId: number;
  /** Presents the server as a mongos (see MongoTestServer). */
  readonly asMongos?: boolean;
}

export type CommandHandler = (command: Document, context: CommandContext) => Document;

/** The collection name a command addresses: the value of its first key, e.g. `{find: 'clients'}`. */
export function targetCollection(command: Document, commandName: string): string {
  const name = command[commandName];
  if (typeof name !== 'string' || name.length === 0) throw new TypeError(`${commandName} needs a collection name`);
  return name;
}
