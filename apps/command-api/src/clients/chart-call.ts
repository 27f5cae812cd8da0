import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { chartNotFound } from '../../../../libs/domain/src/chart/chart.decider';
import type { AuthenticatedUser } from '../http/auth.guard';
import { isUuid } from '../http/practice-member.guard';
import type { HttpRequest } from '../http/http-types';
import { headerOf, idempotencyOf, parseCorrelationId, parseIfMatch, type Idempotency } from '../http/headers';

/** Who calls which chart of which practice, with the headers every chart command honours. */
export interface ChartCall {
  readonly practiceId: string;
  /** The chart in the path (`:clientId` or `:chartId`), or '' on practice-level routes. */
  readonly chartId: string;
  readonly actorUserId: string;
  readonly ifMatch: number | undefined;
  readonly idempotencyKey: Idempotency | undefined;
  readonly correlationId: string | undefined;
}

/** The chart call of a route under `practices/:practiceId/(clients/:clientId | charts/:chartId)`. */
export const ChartCallParams = createParamDecorator((_: unknown, context: ExecutionContext): ChartCall => {
  const request = context.switchToHttp().getRequest<HttpRequest & { user?: AuthenticatedUser }>();
  const params = request.params as Record<string, string | undefined>;
  const chartId = params.clientId ?? params.chartId ?? '';
  if (chartId !== '' && !isUuid(chartId)) throw chartNotFound();
  return {
    practiceId: String(params.practiceId),
    chartId,
    actorUserId: request.user!.userId,
    ifMatch: parseIfMatch(headerOf(request, 'if-match')),
    idempotencyKey: idempotencyOf(request),
    correlationId: parseCorrelationId(headerOf(request, 'x-correlation-id')),
  };
});
