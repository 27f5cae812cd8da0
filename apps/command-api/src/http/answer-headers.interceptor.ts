import { HttpAnswer } from './command-answer';

/** The one thing writing an answer needs of a reply: Express responses and Fastify replies both have it. */
export interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Sets the headers an answer names and gives back its body. */
export const writeAnswer = <TBody extends object>(reply: HeaderReply, answer: HttpAnswer<TBody>): TBody => {
  const { revision, position, location } = answer.headers;
  if (revision !== undefined && revision >= 0) reply.header('ETag', `"${revision}"`);
  if (position !== undefined) reply.header('X-Consistency-Token', String(position));
  if (location !== undefined) reply.header('Location', location);
  return answer.body;
};

/**
 * ETag, Location and X-Consistency-Token of every route, from the HttpAnswer it returns; any other
 * payload as it is. It runs as Fastify's `preSerialization` hook (installed by the HTTP pipeline), on
 * the object a route answered with, before it is serialised: a Nest interceptor did the same through
 * an RxJS pipe on every request.
 */
export const answerPayload = (reply: HeaderReply, payload: unknown): unknown =>
  payload instanceof HttpAnswer ? writeAnswer(reply, payload) : payload;
