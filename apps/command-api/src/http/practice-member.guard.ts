import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Membership, practiceNotFound, assertPermission, type Permission } from '@practice/domain';
import { PracticeAccess } from '../application/practice-access';
import type { AuthenticatedUser } from './auth.guard';
import type { HttpRequest } from './http-types';

type MemberRequest = HttpRequest & { readonly params: Readonly<Record<string, string | undefined>>; user?: AuthenticatedUser; membership?: Membership };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const PERMISSION = 'practicePermission';
/** The permission a practice-scoped route needs; see libs/domain/src/practice/permissions.ts. */
export const RequiresPermission = (permission: Permission): MethodDecorator => SetMetadata(PERMISSION, permission);

/**
 * Every practice-scoped route: the caller must be a member of the practice in the path (to anyone
 * else it does not exist: 404, so its ids reveal nothing), and their role must have the route's
 * permission (403). A route without a declared permission is refused: forgetting one fails closed.
 */
@Injectable()
export class PracticeMemberGuard implements CanActivate {
  private readonly permissions = new WeakMap<object, Permission | undefined>();

  constructor(
    private readonly access: PracticeAccess,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<MemberRequest>();
    const practiceId = request.params.practiceId;
    if (!request.user || typeof practiceId !== 'string' || !isUuid(practiceId)) throw practiceNotFound();
    const membership = await this.access.requireMember(practiceId, request.user.userId);
    const permission = this.permissionOf(context.getHandler());
    if (permission === undefined) throw new Error(`route ${context.getHandler().name} declares no permission`);
    assertPermission(membership.role, permission);
    request.membership = membership;
    return true;
  }

  /** The route's declared permission, looked up once per handler (it is fixed once the class is decorated). */
  private permissionOf(handler: ReturnType<ExecutionContext['getHandler']>): Permission | undefined {
    if (!this.permissions.has(handler)) this.permissions.set(handler, this.reflector.get<Permission | undefined>(PERMISSION, handler));
    return this.permissions.get(handler);
  }
}

export const CurrentMembership = createParamDecorator(
  (_: unknown, context: ExecutionContext): Membership => context.switchToHttp().getRequest<MemberRequest>().membership!,
);
