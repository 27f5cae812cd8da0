import { randomUUID } from 'node:crypto';
import { maxHeaderSize } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem, type Problem } from '../http/problem';

// `rawPacket` is a Buffer at run time (Fastify's types say `{type, data}`, its JSON form).
type ClientError = Error & { readonly code?: string; readonly rawPacket?: unknown };

/**
 * Whether a header overflow is the request line's: the bytes Node was parsing hold no end of the
 * request line, or a request line of more than half the limit (the headers of a real client are small).
 */
const requestLineTooLong = (rawPacket: unknown): boolean => {
  if (!Buffer.isBuffer(rawPacket)) return true;
  const lineEnd = rawPacket.indexOf('\r\n');
  return lineEnd < 0 || lineEnd > maxHeaderSize / 2;
};

/** The problem for a request Node's HTTP parser refused (undefined: not one to answer as a problem). */
export const clientErrorProblem = (error: ClientError): Problem | undefined => {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return requestLineTooLong(error.rawPacket)
      ? problem('UriTooLong', `The request line is longer than the server reads (${maxHeaderSize} bytes with the headers)`)
      : problem('BadRequest', `The request headers are larger than the server reads (${maxHeaderSize} bytes)`);
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ECONNRESET') return undefined;
  return problem('BadRequest', 'The request cannot be read as HTTP/1.1');
};

/**
 * Fastify's clientErrorHandler: a request Node's HTTP parser refuses before any route or hook (a
 * request line or headers past the header limit, an unknown method, a malformed header) is answered
 * like every other error, as a problem with the headers of every answer. A timed-out request is
 * answered 408 and a reset connection left alone, as Fastify does.
 */
export const answerClientError = (error: ClientError, socket: Duplex): void => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const body = clientErrorProblem(error);
    if (body === undefined) {
      const timeout = '{"error":"Request Timeout","message":"Client Timeout","statusCode":408}';
      socket.write(`HTTP/1.1 408 Request Timeout\r\nContent-Length: ${timeout.length}\r\nContent-Type: application/json\r\n\r\n${timeout}`);
    } else {
      const payload = JSON.stringify(body);
      socket.write(
        `HTTP/1.1 ${body.status} ${body.status === 414 ? 'URI Too Long' : 'Bad Request'}\r\n` +
          `X-Request-Id: ${randomUUID()}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n` +
          `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
      );
    }
  }
  socket.destroy(error);
};
