import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { HttpAnswer } from './command-answer';

/** The one thing the interceptor needs of a reply: Express responses and Fastify replies both have it. */
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

/** ETag, Location and X-Consistency-Token of every route, from the HttpAnswer it returns. */
@Injectable()
export class AnswerHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(map((value: unknown) => (value instanceof HttpAnswer ? writeAnswer(context.switchToHttp().getResponse<HeaderReply>(), value) : value)));
  }
}
