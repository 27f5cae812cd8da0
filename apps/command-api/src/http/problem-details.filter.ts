import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '../../../../libs/domain/src/shared/domain-error';
import {
  EventStoreUnavailableError,
  InvalidEventError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../../../../libs/event-store/src/event-store.port';
import { ReadStoreUnavailableError } from '../../../../libs/read-store/src/read-store.port';
import { EventDataRefusedError, RevisionMismatchError } from '../application/command-runner';
import type { ProblemReply } from './http-types';
import { problem, ProblemException, sendProblem, type Problem } from './problem';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
};

const fromHttpException = (exception: HttpException): Problem => {
  const status = exception.getStatus();
  const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'InternalError' : 'BadRequest');
  return problem(status, code, exception.message);
};

/**
 * The one place errors become HTTP answers. Client mistakes are 4xx with a stable code; anything
 * unexpected is a 500 that says nothing of the data, and is logged by name only (messages of
 * infrastructure errors can carry values, and values can be clinical data).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ProblemReply>();
    if (exception instanceof ProblemException) return sendProblem(response, exception.problem, exception.headers);
    sendProblem(response, this.toProblem(exception));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof EventDataRefusedError) {
      this.logger.warn(`event ${exception.eventType} refused at append: ${exception.fields.map((f) => f.field).join(', ')}`);
    }
    if (exception instanceof DomainError) {
      return problem(STATUS_OF_KIND[exception.kind], exception.code, exception.message, {
        ...(exception.fields.length > 0 ? { errors: exception.fields } : {}),
        ...exception.details,
      });
    }
    if (exception instanceof RevisionMismatchError) {
      return problem(412, exception.code, 'The record changed since the revision given in If-Match', {
        currentRevision: exception.actual,
      });
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return problem(409, 'ConcurrentModification', 'The record is being changed by others; try again');
    }
    if (exception instanceof StreamDeletedError) return problem(410, 'Deleted', 'The record was deleted');
    if (exception instanceof EventStoreUnavailableError) {
      this.logger.error(`event store unavailable: ${exception.name}`);
      return problem(503, 'EventStoreUnavailable', 'The event store is unavailable; try again');
    }
    if (exception instanceof ReadStoreUnavailableError) {
      this.logger.error(`read store unavailable: ${exception.name}`);
      return problem(503, 'ReadStoreUnavailable', 'The read models or the credential store are unavailable; try again');
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof InvalidEventError) {
      this.logger.error(`invalid event ${exception.eventType}`);
    } else {
      this.logger.error(`unexpected ${exception instanceof Error ? exception.name : typeof exception}`);
      if (process.env.LOG_STACKS === 'true' && exception instanceof Error) this.logger.error(exception.stack);
    }
    return problem(500, 'InternalError', 'Something went wrong on our side');
  }
}
