import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TokenService } from '../infrastructure/token-service';
import { CREDENTIAL_STORE } from '../infrastructure/tokens';
import type { CredentialStore } from '../infrastructure/credential-store';
import { headerOf, type HttpRequest } from './http-types';
import { problem, ProblemException } from './problem';

export interface AuthenticatedUser {
  readonly userId: string;
}

type AuthenticatedRequest = HttpRequest & { user?: AuthenticatedUser };

const PUBLIC = 'isPublic';
// @nestjs/swagger's security metadata key: an empty list documents `security: []` (no token needed).
const SWAGGER_SECURITY = 'swagger/apiSecurity';
/** Routes anyone may call (sign-up, sign-in, health, docs). Every other route needs a bearer token. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC, true), SetMetadata(SWAGGER_SECURITY, []));

const unauthorized = (): ProblemException =>
  new ProblemException(problem('Unauthorized', 'A valid bearer token is required'), {
    'WWW-Authenticate': 'Bearer',
  });

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(CREDENTIAL_STORE) private readonly credentials: CredentialStore,
  ) {}

  /** Whether a route is public, by handler and controller class: fixed once the classes are decorated. */
  private readonly publicRoutes = new WeakMap<object, WeakMap<object, boolean>>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic(context.getHandler(), context.getClass())) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token, ...rest] = (headerOf(request, 'authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) throw unauthorized();
    const claims = this.tokens.verify(token);
    if (!claims) throw unauthorized();
    // A changed password bumps the credential version: tokens issued before it stop working.
    const credential = await this.credentials.get(claims.userId);
    if (!credential || credential.version !== claims.credentialVersion) throw unauthorized();
    request.user = { userId: claims.userId };
    return true;
  }

  private isPublic(handler: ReturnType<ExecutionContext['getHandler']>, controller: ReturnType<ExecutionContext['getClass']>): boolean {
    let ofHandler = this.publicRoutes.get(handler);
    if (!ofHandler) this.publicRoutes.set(handler, (ofHandler = new WeakMap()));
    let found = ofHandler.get(controller);
    if (found === undefined) ofHandler.set(controller, (found = this.reflector.getAllAndOverride<boolean>(PUBLIC, [handler, controller]) === true));
    return found;
  }
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw unauthorized();
  return user;
});
