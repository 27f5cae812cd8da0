import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PracticeRole } from '@practice/events';
import { consistencyTokenOf, CONSISTENCY_TOKEN_HEADER, documentsHeader } from './headers';
import type { ContextRequest } from './request-context';

/** Who reads under `practices/:practiceId` (a member PracticeMemberGuard let in), and after which write. */
export interface PracticeReader {
  readonly userId: string;
  readonly role: PracticeRole;
  /** X-Consistency-Token: the position the read models must have applied before the read. */
  readonly token: number | undefined;
}

/**
 * What every read route of a practice starts with besides `@Param('practiceId')` (kept apart so the
 * OpenAPI document lists the path parameter first): the caller, their role there, their consistency token.
 */
export const Reader = createParamDecorator((_: unknown, context: ExecutionContext): PracticeReader => {
  const request = context.switchToHttp().getRequest<ContextRequest>();
  return { userId: request.user!.userId, role: request.membership!.role, token: consistencyTokenOf(context) };
}, [documentsHeader(CONSISTENCY_TOKEN_HEADER)]);
