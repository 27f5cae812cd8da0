/**
 * TEST HARNESS, never a deployment option. An in-memory stand-in for a MongoDB 7.0 standalone that the
 * real `mongodb` driver talks to over the wire protocol on 127.0.0.1, so the production read-store
 * adapter is tested in CI where MongoDB cannot be installed. No durability, no authentication, no TLS,
 * no replication, no transactions, no compression; one process, data lost on exit.
 *
 * Connect with `mongodb://127.0.0.1:<port>/?directConnection=true`. Specs can inject faults: close
 * every open connection (`dropConnections`), or make the next commands fail (`failNextCommands`), with
 * an error reply or by closing the connection mid-command.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Document } from 'bson';
import { adminCommandHandlers, HANDSHAKE_COMMANDS } from './admin-commands.handler';
import { asCommandError, CommandError, ErrorCodes } from './command-error';
import type { CommandContext, CommandHandler } from './command-context';
import { CursorRegistry } from './cursor-registry';
import { queryCommandHandlers } from './query-commands.handler';
import { TestDatabases } from './test-databases';
import { decodeRequest, encodeReply, MessageFramer, OP_QUERY, type WireRequest } from './wire-messages';
import { writeCommandHandlers } from './write-commands.handler';
import { explainCommandHandlers } from './explain-command.handler';

export interface StartedMongoTestServer {
  readonly port: number;
  /** A direct connection string for `MongoClient`. */
  readonly url: string;
}

export interface InjectedFailure {
  /** The commands that may fail; by default any command except the handshake (hello) and endSessions. */
  readonly commands?: readonly string[];
  /** Error code of the reply (default 1, InternalError). */
  readonly code?: number;
  readonly errmsg?: string;
  readonly errorLabels?: readonly string[];
  /** Close the connection instead of replying, as a crashed or unreachable server would. */
  readonly closeConnection?: boolean;
}

/** What a spec can observe of each command the server answered. */
export interface CommandRecord {
  readonly name: string;
  readonly dbName: string;
  readonly command: Document;
  readonly reply: Document;
}

const HANDLERS: ReadonlyMap<string, CommandHandler> = new Map(
  Object.entries({ ...adminCommandHandlers, ...queryCommandHandlers, ...writeCommandHandlers, ...explainCommandHandlers }),
);

/** Commands injected failures skip unless named: failing them would break monitoring, not the spec's operation. */
const NEVER_FAILED_BY_DEFAULT: ReadonlySet<string> = new Set([...HANDSHAKE_COMMANDS, 'endSessions']);

export class MongoTestServer {
  private readonly databases = new TestDatabases();
  private readonly cursors = new CursorRegistry();
  private readonly sockets = new Set<Socket>();
  private readonly listeners = new Set<(record: CommandRecord) => void>();
  private server: Server | undefined;
  private nextConnectionId = 1;
  private nextReplyId = 1;
  private pendingFailure: { remaining: number; failure: InjectedFailure } | undefined;

  /**
   * `asMongos`: the hello reply says `msg: 'isdbgrid'`, so the driver treats the server as a mongos and
   * sends each read's `$readPreference` (it sends none to a standalone), which specs can then observe.
   */
  constructor(private readonly options: { readonly asMongos?: boolean } = {}) {}

  /** Listens on 127.0.0.1; port 0 (the default) picks a free one. Data survives a stop/start. */
  async start(port = 0): Promise<StartedMongoTestServer> {
    if (this.server) throw new Error('the MongoDB test server is already started');
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the MongoDB test server has no TCP address');
    return { port: address.port, url: `mongodb://127.0.0.1:${address.port}/?directConnection=true` };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.dropConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Closes every open client connection at once; returns how many there were. */
  dropConnections(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    return count;
  }

  get openConnections(): number {
    return this.sockets.size;
  }

  get openCursors(): number {
    return this.cursors.openCount;
  }

  /** The next `times` eligible commands fail as described instead of running. */
  failNextCommands(times: number, failure: InjectedFailure = {}): void {
    this.pendingFailure = times > 0 ? { remaining: times, failure } : undefined;
  }

  /** Calls `listener` after every command; returns the function that unsubscribes it. */
  onCommand(listener: (record: CommandRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private accept(socket: Socket): void {
    const connectionId = this.nextConnectionId++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const framer = new MessageFramer();
    socket.on('data', (chunk) => {
      try {
        for (const message of framer.push(chunk)) this.handleMessage(socket, message, connectionId);
      } catch {
        // A stream that does not parse cannot be resynchronised: drop it, as a real server does.
        socket.destroy();
      }
    });
    socket.on('close', () => this.sockets.delete(socket));
    // The client vanished; 'close' follows and does the bookkeeping.
    socket.on('error', () => undefined);
  }

  private handleMessage(socket: Socket, message: Buffer, connectionId: number): void {
    const request = decodeRequest(message);
    const name = Object.keys(request.command)[0] ?? '';
    const failure = this.takeFailure(name);
    if (failure?.closeConnection) {
      socket.destroy();
      return;
    }
    const reply = failure ? failureReply(failure) : this.execute(request, name, connectionId);
    for (const listener of this.listeners) listener({ name, dbName: request.dbName, command: request.command, reply });
    if (request.moreToCome || socket.destroyed) return;
    socket.write(encodeReply(request, this.nextReplyId++, reply));
  }

  private execute(request: WireRequest, name: string, connectionId: number): Document {
    if (request.opCode === OP_QUERY && !HANDSHAKE_COMMANDS.has(name)) {
      return new CommandError(ErrorCodes.UnsupportedOpQueryCommand, `Unsupported OP_QUERY command: ${name}`).toReply();
    }
    const handler = HANDLERS.get(name);
    if (!handler) return new CommandError(ErrorCodes.CommandNotFound, `no such command: '${name}'`).toReply();
    const context: CommandContext = { dbName: request.dbName, databases: this.databases, cursors: this.cursors, connectionId, asMongos: this.options.asMongos === true };
    try {
      return handler(request.command, context);
    } catch (error) {
      return asCommandError(error).toReply();
    }
  }

  private takeFailure(name: string): InjectedFailure | undefined {
    const pending = this.pendingFailure;
    if (!pending) return undefined;
    const eligible = pending.failure.commands ? pending.failure.commands.includes(name) : !NEVER_FAILED_BY_DEFAULT.has(name);
    if (!eligible) return undefined;
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.pendingFailure = undefined;
    return pending.failure;
  }
}

function failureReply(failure: InjectedFailure): Document {
  const code = failure.code ?? ErrorCodes.InternalError;
  const reply = new CommandError(code, failure.errmsg ?? 'failure injected by the MongoDB test server').toReply();
  return failure.errorLabels ? { ...reply, errorLabels: [...failure.errorLabels] } : reply;
}
