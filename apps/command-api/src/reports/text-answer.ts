import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { HeaderReply } from '../http/answer-headers.interceptor';

/** A route's answer as text of a media type (a CSV report), with the file name a download takes. */
export class TextAnswer {
  constructor(
    readonly body: string,
    readonly mediaType: string,
    readonly fileName?: string,
  ) {}
}

/** Content-Type and Content-Disposition of the routes that may answer text, from the TextAnswer they return. */
@Injectable()
export class TextAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof TextAnswer)) return value;
        const reply = context.switchToHttp().getResponse<HeaderReply>();
        reply.header('Content-Type', `${value.mediaType}; charset=utf-8`);
        if (value.fileName !== undefined) reply.header('Content-Disposition', `attachment; filename="${value.fileName}"`);
        return value.body;
      }),
    );
  }
}
