import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { chartNotFound } from '../../../../libs/domain/src/chart/chart.decider';
import type { AuthenticatedUser } from '../http/auth.guard';
import { isUuid } from '../http/practice-member.guard';
import { badRequest } from '../http/problem';

/** Who calls which chart of which practice, with the headers every chart command honours. */
export interface ChartCall {
  readonly practiceId: string;
  /** The chart in the path (`:clientId` or `:chartId`), or '' on practice-level routes. */
  readonly chartId: string;
  readonly actorUserId: string;
  readonly ifMatch: number | undefined;
  readonly idempotencyKey: string | undefined;
  readonly correlationId: string | undefined;
}

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const ifMatchOf = (request: Request): number | undefined => {
  const value = header(request, 'if-match');
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!match) {
    throw badRequest('InvalidIfMatch', 'If-Match must be a revision as returned in ETag', [
      { field: 'If-Match', message: 'must be a revision as returned in ETag' },
    ]);
  }
  return Number(match[1]);
};

const idempotencyKeyOf = (request: Request): string | undefined => {
  const key = header(request, 'idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw badRequest('InvalidIdempotencyKey', 'Idempotency-Key must be 1 to 200 visible ASCII characters', [
      { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  }
  return key;
};

/** The chart call of a route under `practices/:practiceId/(clients/:clientId | charts/:chartId)`. */
export const ChartCallParams = createParamDecorator((_: unknown, context: ExecutionContext): ChartCall => {
  const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
  const params = request.params as Record<string, string | undefined>;
  const chartId = params.clientId ?? params.chartId ?? '';
  if (chartId !== '' && !isUuid(chartId)) throw chartNotFound();
  const correlation = header(request, 'x-correlation-id');
  return {
    practiceId: String(params.practiceId),
    chartId,
    actorUserId: request.user!.userId,
    ifMatch: ifMatchOf(request),
    idempotencyKey: idempotencyKeyOf(request),
    correlationId: correlation && /^[\x21-\x7e]{1,100}$/.test(correlation) ? correlation : undefined,
  };
});
