/** What the answer's headers say besides its body. */
export interface AnswerHeaders {
  /** The stream revision after the command: the ETag to send back in If-Match. */
  readonly revision?: number;
  /** The log position of the command: the X-Consistency-Token to read your own write. */
  readonly position?: number;
  /** For a creating command: the URL of what it created. */
  readonly location?: string;
}

/**
 * A route's typed answer: the body, and what `answerPayload` (answer-headers.interceptor.ts) turns into ETag, Location and
 * X-Consistency-Token. Routes never set those headers themselves.
 */
export class HttpAnswer<TBody extends object> {
  constructor(
    readonly body: TBody,
    readonly headers: AnswerHeaders,
  ) {}
}

/**
 * Every command answers with the stream revision as an ETag (send it back in If-Match) and the log
 * position as a consistency token (send it back in X-Consistency-Token to read your own write); the
 * position is in the body too.
 */
export const commandAnswer = <TBody extends object>(
  result: { readonly revision?: number; readonly position: number },
  body: TBody,
  location?: string,
): HttpAnswer<TBody & { position: number }> =>
  new HttpAnswer({ ...body, position: result.position }, { revision: result.revision, position: result.position, location });
