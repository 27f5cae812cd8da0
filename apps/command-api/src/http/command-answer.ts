import type { Response } from 'express';

/**
 * Every command answers with the stream revision as an ETag (send it back in If-Match) and the log
 * position as a consistency token (send it back in X-Consistency-Token to read your own write).
 */
export const answerCommand = <TBody extends object>(
  response: Response,
  result: { readonly revision?: number; readonly position: number },
  body: TBody,
): TBody & { position: number } => {
  if (result.revision !== undefined && result.revision >= 0) response.setHeader('ETag', `"${result.revision}"`);
  response.setHeader('X-Consistency-Token', String(result.position));
  return { ...body, position: result.position };
};
