/**
 * What the HTTP layer reads of a request and writes to an answer, as structural types: a Fastify
 * request and reply have them (and so would another framework's), so the checks, decorators, guards
 * and the problem renderer depend on no framework.
 */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface HttpRequest {
  readonly method: string;
  /** The request target: the path and the query string. */
  readonly url: string;
  readonly headers: RequestHeaders;
  readonly params?: unknown;
  readonly body?: unknown;
}

/** Sets a header of the answer (`reply.header` on Fastify, `response.header` on Express). */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/** Enough of a reply to send a problem+json answer. */
export interface ProblemReply extends HeaderSink {
  status(code: number): unknown;
  type(contentType: string): unknown;
  send(body: string): unknown;
}

/** The first value of a header. */
export const headerOf = (request: { readonly headers: RequestHeaders }, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The path of a request target, without its query string. */
export const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};
