import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@practice/domain';
import {
  EventStoreUnavailableError,
  InvalidEventError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '@practice/event-store';
import { ReadStoreUnavailableError } from '@practice/read-store';
import { EventDataRefusedError, RevisionMismatchError } from '../application/command-runner';
import { instanceOf, problem, ProblemException, sendProblem, type FieldError, type Problem } from './problem';
import { codeOfStatus } from './problem-types';

type RequestParts = { readonly originalUrl?: string; readonly url?: string; readonly params?: unknown; readonly body?: unknown } | undefined;

const hasOwn = (value: unknown, key: string): boolean => typeof value === 'object' && value !== null && Object.hasOwn(value, key);

/**
 * A domain rule names the value it refuses by its name (`contactId`); when that is a parameter of the
 * request's path and not a field of its body (`DELETE …/contacts/{contactId}`), the problem names the
 * parameter, not a body pointer.
 */
const whereIn = (fields: readonly { readonly field: string; readonly message: string }[], request: RequestParts): FieldError[] =>
  fields.map((field) => (hasOwn(request?.params, field.field) && !hasOwn(request?.body, field.field) ? { ...field, in: 'path' as const } : field));

const fromHttpException = (exception: HttpException): Problem => {
  const code = codeOfStatus(exception.getStatus());
  // The framework's message ("Cannot GET /nope") is this occurrence: it goes in `detail`, never the
  // title, and without a query string (a query value may hold personal data).
  return problem(code, code === 'InternalError' ? undefined : exception.message.replace(/\?\S*/g, ''));
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
    const http = host.switchToHttp();
    const response = http.getResponse<Parameters<typeof sendProblem>[0]>();
    const request = http.getRequest<RequestParts>();
    const instance = instanceOf(request?.originalUrl ?? request?.url);
    if (exception instanceof ProblemException) return sendProblem(response, exception.problem, exception.headers, instance);
    sendProblem(response, this.toProblem(exception, request), {}, instance);
  }

  private toProblem(exception: unknown, request: RequestParts): Problem {
    if (exception instanceof EventDataRefusedError) {
      this.logger.warn(`event ${exception.eventType} refused at append: ${exception.fields.map((f) => f.field).join(', ')}`);
    }
    if (exception instanceof DomainError) {
      return problem(exception.code, exception.message, { ...exception.details, errors: whereIn(exception.fields, request) });
    }
    if (exception instanceof RevisionMismatchError) {
      return problem('RevisionMismatch', `If-Match gave revision ${exception.expected}; the record is at revision ${exception.actual}`, {
        currentRevision: exception.actual,
      });
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return problem('ConcurrentModification', 'The record is being changed by others; try again');
    }
    if (exception instanceof StreamDeletedError) return problem('Deleted', 'The record was deleted');
    if (exception instanceof EventStoreUnavailableError) {
      this.logger.error(`event store unavailable: ${exception.name}`);
      return problem('EventStoreUnavailable', 'The event store is unavailable; try again');
    }
    if (exception instanceof ReadStoreUnavailableError) {
      this.logger.error(`read store unavailable: ${exception.name}`);
      return problem('ReadStoreUnavailable', 'The read models or the credential store are unavailable; try again');
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof InvalidEventError) {
      this.logger.error(`invalid event ${exception.eventType}`);
    } else {
      this.logger.error(`unexpected ${exception instanceof Error ? exception.name : typeof exception}`);
      if (process.env.LOG_STACKS === 'true' && exception instanceof Error) this.logger.error(exception.stack);
    }
    return problem('InternalError', 'Something went wrong on our side');
  }
}
