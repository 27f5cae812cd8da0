import { Inject, Injectable } from '@nestjs/common';
import { EmailReservations } from '../application/email-reservations';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../infrastructure/password-hasher';
import type { CredentialStore } from '../infrastructure/credential-store';
import { TokenService } from '../infrastructure/token-service';
import { CREDENTIAL_STORE } from '../infrastructure/tokens';
import { problem, ProblemException } from '../http/problem';
import { LOGIN_SCOPE_ID } from './sign-up.handler';

const invalidCredentials = (): ProblemException =>
  new ProblemException(problem(401, 'InvalidCredentials', 'The email or password is not correct'));

/** Sign-in is a query with a side effect on no stream: it checks a secret and issues a token. */
@Injectable()
export class SignInService {
  constructor(
    private readonly reservations: EmailReservations,
    private readonly tokens: TokenService,
    @Inject(CREDENTIAL_STORE) private readonly credentials: CredentialStore,
  ) {}

  async signIn(email: string, password: string): Promise<{ accessToken: string; userId: string; expiresIn: number }> {
    const userId = await this.reservations.ownerOf('login-email', LOGIN_SCOPE_ID, email);
    const credential = userId === undefined ? undefined : await this.credentials.get(userId);
    // An unknown email costs a hash too, so the answer time does not tell which emails exist.
    const valid = await verifyPassword(password, credential?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!credential || !valid || userId === undefined) throw invalidCredentials();
    return {
      accessToken: this.tokens.issue({ userId, credentialVersion: credential.version }),
      userId,
      expiresIn: this.tokens.ttl,
    };
  }
}
