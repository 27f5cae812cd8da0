import { Inject, Injectable } from '@nestjs/common';
import { userStream } from '../../../../libs/events/src/streams';
import { userDecider, type UserCommand } from '../../../../libs/domain/src/user/user.decider';
import { commandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../infrastructure/password-hasher';
import type { CredentialStore, SignInAttempts } from '../infrastructure/credential-store';
import { TokenService } from '../infrastructure/token-service';
import { CREDENTIAL_STORE } from '../infrastructure/tokens';
import { problem, ProblemException } from '../http/problem';
import { afterFailure, attemptKeyOf, currentAttempts, isLocked } from './sign-in-throttle';
import { hashRecoveryCode, totpStepOf } from './two-factor';
import { LOGIN_SCOPE_ID } from './sign-up.handler';

const invalidCredentials = (): ProblemException =>
  new ProblemException(problem('InvalidCredentials', 'The email or password is not correct'));

const locked = (attempts: SignInAttempts, now: Date): ProblemException =>
  new ProblemException(problem('SignInLocked', 'Too many failed sign-ins; try again later'), {
    'Retry-After': String(Math.max(1, Math.ceil((Date.parse(attempts.lockedUntil!) - now.getTime()) / 1000))),
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  readonly otp?: string;
  readonly recoveryCode?: string;
}

type SignInMethod = Extract<UserCommand, { type: 'RecordSignIn' }>['method'];
type FailureReason = Extract<UserCommand, { type: 'RecordSignInFailure' }>['reason'];

/**
 * Sign-in checks secrets and issues a token. Failures are counted per address (known or not), slow
 * down, then lock it for a while; sign-ins and failures of a real account go into its history.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly reservations: EmailReservations,
    private readonly tokens: TokenService,
    private readonly runner: CommandRunner,
    @Inject(CREDENTIAL_STORE) private readonly credentials: CredentialStore,
  ) {}

  async signIn(input: SignInInput): Promise<{ accessToken: string; userId: string; expiresIn: number }> {
    const now = new Date();
    const key = attemptKeyOf(input.email);
    const stored = await this.credentials.getAttempts(key);
    const attempts = currentAttempts(stored, now);
    if (isLocked(attempts, now)) throw locked(attempts, now);
    // A lock that ran out is forgotten with its failures before new ones are counted.
    if (attempts !== stored) await this.credentials.putAttempts(key, attempts);

    const userId = await this.reservations.ownerOf('login-email', LOGIN_SCOPE_ID, input.email);
    const credential = userId === undefined ? undefined : await this.credentials.get(userId);
    // An unknown email costs a hash too, so the answer time does not tell which emails exist.
    const valid = await verifyPassword(input.password, credential?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!credential || !valid || userId === undefined) return this.fail(key, now, userId, 'wrong-password');

    const method = await this.secondFactor(userId, input);
    if (method === 'missing') {
      throw new ProblemException(problem('TwoFactorRequired', 'Enter the code from your authenticator app', {
        errors: [{ field: 'otp', message: 'is required for this account' }],
      }));
    }
    if (method === 'wrong') return this.fail(key, now, userId, 'wrong-second-factor');

    await this.credentials.putAttempts(key, { failures: 0, lockedUntil: null });
    await this.record(userId, { type: 'RecordSignIn', method });
    return { accessToken: this.tokens.issue({ userId, credentialVersion: credential.version }), userId, expiresIn: this.tokens.ttl };
  }

  private async secondFactor(userId: string, input: SignInInput): Promise<SignInMethod | 'missing' | 'wrong'> {
    const secret = (await this.credentials.getTwoFactor(userId))?.activeSecret;
    if (!secret) return 'password';
    if (input.otp !== undefined) {
      const step = totpStepOf(input.otp, secret, Date.now());
      return step !== undefined && (await this.credentials.useTotpStep(userId, step)) ? 'password+totp' : 'wrong';
    }
    if (input.recoveryCode !== undefined) {
      return (await this.credentials.consumeRecoveryCode(userId, hashRecoveryCode(input.recoveryCode))) ? 'password+recovery-code' : 'wrong';
    }
    return 'missing';
  }

  private async fail(key: string, now: Date, userId: string | undefined, reason: FailureReason): Promise<never> {
    // Counted atomically, so failures at the same moment on several API replicas all count.
    const outcome = afterFailure(await this.credentials.addSignInFailure(key), now);
    if (outcome.lockedNow) await this.credentials.putAttempts(key, outcome.attempts);
    if (userId !== undefined) {
      await this.record(
        userId,
        outcome.lockedNow
          ? { type: 'RecordSignInFailure', reason: 'locked', lockedUntil: outcome.attempts.lockedUntil! }
          : { type: 'RecordSignInFailure', reason },
      );
    }
    if (outcome.delayMs > 0) await sleep(outcome.delayMs);
    throw invalidCredentials();
  }

  private async record(userId: string, command: Extract<UserCommand, { type: 'RecordSignIn' | 'RecordSignInFailure' }>): Promise<void> {
    const envelope = commandEnvelope({ commandType: command.type, actorUserId: userId, practiceId: null });
    await this.runner.run(userDecider, userStream(userId), command, envelope);
  }
}
