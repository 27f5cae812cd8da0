import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { Membership } from '../../../../libs/domain/src/practice/practice.decider';
import { practiceNotFound } from '../../../../libs/domain/src/practice/practice.decider';
import { PracticeAccess } from '../application/practice-access';
import type { AuthenticatedUser } from './auth.guard';

type MemberRequest = Request & { user?: AuthenticatedUser; membership?: Membership };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Every practice-scoped route: the caller must be a member of the practice in the path. To anyone
 * else the practice does not exist (404), so its ids reveal nothing.
 */
@Injectable()
export class PracticeMemberGuard implements CanActivate {
  constructor(private readonly access: PracticeAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<MemberRequest>();
    const practiceId = request.params.practiceId;
    if (!request.user || typeof practiceId !== 'string' || !isUuid(practiceId)) throw practiceNotFound();
    request.membership = await this.access.requireMember(practiceId, request.user.userId);
    return true;
  }
}

export const CurrentMembership = createParamDecorator(
  (_: unknown, context: ExecutionContext): Membership => context.switchToHttp().getRequest<MemberRequest>().membership!,
);
