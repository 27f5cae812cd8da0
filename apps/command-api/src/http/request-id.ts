import { randomUUID } from 'node:crypto';
import { REQUEST_ID_PATTERN } from '@practice/events';

/**
 * The id of a request: the caller's `X-Request-Id` when it is a sane token (1 to 128 of
 * `A-Z a-z 0-9 . _ -`, so it is safe in a log line and in event metadata), a new UUID otherwise.
 * It is echoed in `X-Request-Id` and written in every log line of the request and in its events.
 */
export const requestIdFrom = (header: string | string[] | undefined): string => {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
};
