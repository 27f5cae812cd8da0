import type { HeaderSink } from './http-types';

/**
 * Every command answers with the stream revision as an ETag (send it back in If-Match) and the log
 * position as a consistency token (send it back in X-Consistency-Token to read your own write).
 */
export const answerCommand = <TBody extends object>(
  response: HeaderSink,
  result: { readonly revision?: number; readonly position: number },
  body: TBody,
): TBody & { position: number } => {
  if (result.revision !== undefined && result.revision >= 0) response.header('ETag', `"${result.revision}"`);
  response.header('X-Consistency-Token', String(result.position));
  return { ...body, position: result.position };
};
