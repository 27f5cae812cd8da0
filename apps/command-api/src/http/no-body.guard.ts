import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { refusedBodyOf } from './bodiless-routes';
import { ProblemException } from './problem';

/**
 * A body on a route that takes none (found by the pipeline's hook, which knows the routes of the
 * OpenAPI document) is answered 400 here, after the AuthGuard: a caller who is not signed in is told
 * that first (401), as on every route.
 */
@Injectable()
export class NoBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const refused = refusedBodyOf(context.switchToHttp().getRequest<object>());
    if (refused) throw new ProblemException(refused);
    return true;
  }
}
