/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * Framing and decoding of the two request opcodes the driver sends: OP_MSG for every command, and
 * OP_QUERY for the very first handshake (`ismaster` on `admin.$cmd`, sent before the driver knows the
 * server speaks OP_MSG). Replies go back as OP_MSG or OP_REPLY to match the request.
 */
import { deserialize, serialize, type Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const HEADER_SIZE = 16;
/** What a real server advertises as maxMessageSizeBytes; anything longer is a broken stream. */
export const MAX_MESSAGE_SIZE = 48_000_000;

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;

/** One decoded request: the command document plus what is needed to address the reply. */
export interface WireRequest {
  readonly requestId: number;
  readonly opCode: typeof OP_MSG | typeof OP_QUERY;
  readonly command: Document;
  /** The database the command runs in (`$db` for OP_MSG, the namespace prefix for OP_QUERY). */
  readonly dbName: string;
  /** The client asked for no reply (an unacknowledged write). */
  readonly moreToCome: boolean;
}

/** Cuts complete messages off the front of a byte stream; keeps the partial tail for the next chunk. */
export class MessageFramer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readInt32LE(0);
      if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) throw new Error(`invalid message length ${length}`);
      if (this.pending.length < length) break;
      messages.push(this.pending.subarray(0, length));
      this.pending = this.pending.subarray(length);
    }
    return messages;
  }
}

export function decodeRequest(message: Buffer): WireRequest {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) return decodeOpMsg(message, requestId);
  if (opCode === OP_QUERY) return decodeOpQuery(message, requestId);
  throw new Error(`unsupported opcode ${opCode}${opCode === OP_COMPRESSED ? ' (compression is not advertised)' : ''}`);
}

function decodeOpMsg(message: Buffer, requestId: number): WireRequest {
  const flags = message.readUInt32LE(HEADER_SIZE);
  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  let offset = HEADER_SIZE + 4;
  let body: Document | undefined;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      const size = message.readInt32LE(offset);
      body = deserialize(message.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      // A document sequence: the driver may send bulk payloads (`documents`, `updates`) this way.
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const docs: Document[] = [];
      for (let at = nameEnd + 1; at < sectionEnd; ) {
        const docSize = message.readInt32LE(at);
        docs.push(deserialize(message.subarray(at, at + docSize)));
        at += docSize;
      }
      sequences[identifier] = docs;
      offset = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new Error('OP_MSG without a body section');
  const command = { ...body, ...sequences };
  return { requestId, opCode: OP_MSG, command, dbName: String(body.$db ?? 'admin'), moreToCome: (flags & MORE_TO_COME) !== 0 };
}

function decodeOpQuery(message: Buffer, requestId: number): WireRequest {
  let offset = HEADER_SIZE + 4; // skip flags
  const nameEnd = message.indexOf(0, offset);
  const namespace = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8; // skip numberToSkip and numberToReturn
  const size = message.readInt32LE(offset);
  const query = deserialize(message.subarray(offset, offset + size));
  // Legacy clients may wrap the command as {$query: cmd, $readPreference: ...}.
  const command = (query.$query as Document | undefined) ?? query;
  return { requestId, opCode: OP_QUERY, command, dbName: namespace.split('.')[0], moreToCome: false };
}

/** Encodes a reply in the format the request came in. */
export function encodeReply(request: WireRequest, replyId: number, reply: Document): Buffer {
  const body = Buffer.from(serialize(reply));
  return request.opCode === OP_MSG ? encodeOpMsg(request.requestId, replyId, body) : encodeOpReply(request.requestId, replyId, body);
}

function encodeOpMsg(responseTo: number, replyId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_SIZE + 5);
  header.writeInt32LE(header.length + body.length, 0);
  header.writeInt32LE(replyId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_MSG, 12);
  header.writeUInt32LE(0, 16); // flags
  header.writeUInt8(0, 20); // section kind 0: the body
  return Buffer.concat([header, body]);
}

function encodeOpReply(responseTo: number, replyId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_SIZE + 20);
  header.writeInt32LE(header.length + body.length, 0);
  header.writeInt32LE(replyId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_REPLY, 12);
  header.writeInt32LE(0, 16); // responseFlags
  header.writeBigInt64LE(0n, 20); // cursorID: a command reply has no cursor
  header.writeInt32LE(0, 28); // startingFrom
  header.writeInt32LE(1, 32); // numberReturned
  return Buffer.concat([header, body]);
}
