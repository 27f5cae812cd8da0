import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { chartNotFound } from '@practice/domain';
import { isUuid } from '../http/practice-member.guard';
import { CORRELATION_ID_HEADER, documentsHeader, IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../http/headers';
import { requestContextOf, type ContextRequest, type RequestContext } from '../http/request-context';

/** The request context of a route under a practice, with the chart in its path. */
export interface ChartCall extends RequestContext {
  readonly practiceId: string;
  /** The chart in the path (`:clientId` or `:chartId`), or '' on practice-level routes. */
  readonly chartId: string;
  readonly actorUserId: string;
}

/** The chart call of a route under `practices/:practiceId/(clients/:clientId | charts/:chartId)`. */
export const ChartCallParams = createParamDecorator((_: unknown, context: ExecutionContext): ChartCall => {
  const request = context.switchToHttp().getRequest<ContextRequest>();
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const chartId = params.clientId ?? params.chartId ?? '';
  if (chartId !== '' && !isUuid(chartId)) throw chartNotFound();
  const base = requestContextOf(request);
  return { ...base, practiceId: String(params.practiceId), chartId, actorUserId: base.actorUserId! };
  // Reads and creations drop the headers they cannot use (see openapi-complete.ts).
}, [documentsHeader(IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER, CORRELATION_ID_HEADER)]);
