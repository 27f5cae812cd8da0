import type { ProblemReply } from './http-types';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details, with a stable `code` clients can branch on. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const problem = (
  status: number,
  code: string,
  title: string,
  extra: { detail?: string; errors?: readonly FieldError[]; [key: string]: unknown } = {},
): Problem => ({ type: `urn:practice-core:problem:${code}`, title, status, code, ...extra });

export const sendProblem = (reply: ProblemReply, body: Problem, headers: Record<string, string> = {}): void => {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  reply.status(body.status);
  reply.type('application/problem+json');
  reply.send(JSON.stringify(body));
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

export const badRequest = (code: string, title: string, errors?: readonly FieldError[]): ProblemException =>
  new ProblemException(problem(400, code, title, errors ? { errors } : {}));
