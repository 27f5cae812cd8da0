import { problemTypeOf, type ProblemCode } from './problem-types';

/**
 * A field the problem is about. `field` is its dotted path (`contacts.0.new.firstName`) or the name of
 * a header or parameter; `in` says where it is (the body unless said otherwise; a header name such as
 * `If-Match` is recognised). `pointer` may be given when a key itself holds a dot.
 */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  readonly in?: 'body' | 'header' | 'query' | 'path';
  readonly pointer?: string;
}

/** One entry of a problem's `errors`: a JSON Pointer into the body, or the header or parameter named. */
export interface ProblemFieldError {
  readonly pointer?: string;
  readonly header?: string;
  readonly parameter?: string;
  /** The dotted path (or name), kept for clients written before `pointer`. */
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details, with a stable `code` clients can branch on. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly [extension: string]: unknown;
}

/** RFC 6901: `~` is `~0`, `/` is `~1`. */
export const jsonPointer = (segments: readonly (string | number)[]): string =>
  segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const HEADER_NAME = /^[A-Z][A-Za-z0-9]*(-[A-Z][A-Za-z0-9]*)+$/;

export const toProblemFieldError = (error: FieldError): ProblemFieldError => {
  const where = error.in ?? (HEADER_NAME.test(error.field) ? 'header' : 'body');
  if (where === 'header') return { header: error.field, field: error.field, message: error.message };
  if (where === 'query' || where === 'path') return { parameter: error.field, field: error.field, message: error.message };
  // The whole body is named by the pointer '' (given as such): a field may itself be called `body` (a note's).
  const pointer = error.pointer ?? (error.field === '' ? '' : jsonPointer(error.field.split('.')));
  return { pointer, field: error.field, message: error.message };
};

/**
 * The problem of a code: its status, title and type from the catalogue; `detail` says what is
 * particular to this occurrence.
 */
export const problem = (
  code: ProblemCode,
  detail?: string,
  extra: { errors?: readonly FieldError[]; [key: string]: unknown } = {},
): Problem => {
  const { type, title, status } = problemTypeOf(code);
  const { errors, ...members } = extra;
  return {
    ...members,
    type,
    title,
    status,
    code,
    ...(detail !== undefined ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors: errors.map(toProblemFieldError) } : {}),
  };
};

/** The request path without its query (a query value may hold personal data): the problem's `instance`. */
export const instanceOf = (url: string | undefined): string | undefined => {
  if (url === undefined) return undefined;
  const path = url.split('?')[0];
  try {
    decodeURI(path);
    return path;
  } catch {
    // A path with broken percent-encoding is no URI reference: the problem goes without an instance.
    return undefined;
  }
};

/** The response of either HTTP platform, as far as a problem needs it. */
interface ProblemResponse {
  setHeader?(name: string, value: string): unknown;
  header?(name: string, value: string): unknown;
  status(code: number): unknown;
  req?: { originalUrl?: string; url?: string };
  request?: { url?: string };
}

const requestUrlOf = (response: ProblemResponse): string | undefined =>
  response.req?.originalUrl ?? response.req?.url ?? response.request?.url;

export const sendProblem = (response: ProblemResponse, body: Problem, headers: Record<string, string> = {}, instance?: string): void => {
  const setHeader = (name: string, value: string) => (response.setHeader ? response.setHeader(name, value) : response.header?.(name, value));
  for (const [name, value] of Object.entries(headers)) setHeader(name, value);
  const at = body.instance ?? instanceOf(instance ?? requestUrlOf(response));
  setHeader('Content-Type', 'application/problem+json; charset=utf-8');
  const sender = response.status(body.status) as { send(payload: string): unknown };
  sender.send(JSON.stringify(at === undefined ? body : { ...body, instance: at }));
};

/** Thrown by the HTTP layer itself (validation, headers, tokens); the filter renders it. */
export class ProblemException extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.title);
    this.name = 'ProblemException';
  }
}

export const badRequest = (
  code: 'ValidationFailed' | 'InvalidCursor' | 'InvalidIdempotencyKey' | 'InvalidIfMatch' | 'InvalidConsistencyToken',
  detail: string,
  errors?: readonly FieldError[],
): ProblemException => new ProblemException(problem(code, detail, errors ? { errors } : {}));
