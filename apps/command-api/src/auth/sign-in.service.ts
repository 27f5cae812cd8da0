import { Inject, Injectable } from '@nestjs/common';
import { userStream } from '@practice/events';
import { userDecider, type UserCommand } from '@practice/domain';
import { commandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { EmailReservations } from '../application/email-reservations';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../infrastructure/password-hasher';
import type { CredentialStore, SignInOutcome, SignInSlot } from '../infrastructure/credential-store';
import { TokenService } from '../infrastructure/token-service';
import { CREDENTIAL_STORE } from '../infrastructure/tokens';
import { problem, ProblemException } from '../http/problem';
import { afterFailure, attemptKeyOf, retryAfterSeconds, SIGN_IN_LIMITS } from './sign-in-throttle';
import { hashRecoveryCode, totpStepOf } from './two-factor';
import { LOGIN_SCOPE_ID } from './sign-up.handler';

const invalidCredentials = (): ProblemException =>
  new ProblemException(problem('InvalidCredentials', 'The email or password is not correct'));

const locked = (until: string, now: Date): ProblemException =>
  new ProblemException(problem('SignInLocked', 'Too many failed sign-ins; try again later'), {
    'Retry-After': String(retryAfterSeconds(until, now)),
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type GrantedSlot = Extract<SignInSlot, { granted: true }>;

/** One reserved password check, settled exactly once however the sign-in ends. */
class ReservedAttempt {
  private checked = false;
  private settled = false;

  constructor(
    private readonly credentials: CredentialStore,
    private readonly key: string,
    readonly slot: GrantedSlot,
  ) {}

  /** The password was checked: from now on the slot is not given back. */
  markChecked(): void {
    this.checked = true;
  }

  async settle(outcome: SignInOutcome): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.credentials.settleSignInAttempt(this.key, this.slot, outcome);
  }

  /** An attempt still open when the sign-in ended (on an error of ours): the slot back if nothing was checked, else kept. */
  async settleIfLeftOpen(): Promise<void> {
    await this.settle({ result: this.checked ? 'kept' : 'not-checked' }).catch(() => undefined);
  }
}

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  readonly otp?: string;
  readonly recoveryCode?: string;
}

type SignInMethod = Extract<UserCommand, { type: 'RecordSignIn' }>['method'];
type FailureReason = Extract<UserCommand, { type: 'RecordSignInFailure' }>['reason'];

/**
 * Sign-in checks secrets and issues a token. Password checks are counted per address (known or not)
 * before they are made: the 3rd and 4th failures of a window slow down, and no more than five checks
 * are made in a window however many requests arrive at once; sign-ins and failures of a real account
 * go into its history.
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
    // The slot is taken before the slow password check, in one atomic write: attempts that arrive
    // together are counted together, and no more of them are checked than the window allows.
    const slot = await this.credentials.reserveSignInAttempt(key, now, SIGN_IN_LIMITS);
    if (!slot.granted) throw locked(slot.until, now);
    const attempt = new ReservedAttempt(this.credentials, key, slot);
    try {
      return await this.check(attempt, input, now);
    } finally {
      await attempt.settleIfLeftOpen();
    }
  }

  private async check(attempt: ReservedAttempt, input: SignInInput, now: Date): Promise<{ accessToken: string; userId: string; expiresIn: number }> {
    const userId = await this.reservations.holderOf('login-email', LOGIN_SCOPE_ID, input.email);
    const credential = userId === undefined ? undefined : await this.credentials.get(userId);
    // An unknown email costs a hash too, so the answer time does not tell which emails exist.
    const valid = await verifyPassword(input.password, credential?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    attempt.markChecked();
    if (!credential || !valid || userId === undefined) return this.fail(attempt, now, userId, 'wrong-password');

    const method = await this.secondFactor(userId, input);
    if (method === 'missing') {
      await attempt.settle({ result: 'kept' });
      throw new ProblemException(problem('TwoFactorRequired', 'Enter the code from your authenticator app', {
        errors: [{ field: 'otp', message: 'is required for this account' }],
      }));
    }
    if (method === 'wrong') return this.fail(attempt, now, userId, 'wrong-second-factor');

    await attempt.settle({ result: 'signed-in' });
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

  private async fail(attempt: ReservedAttempt, now: Date, userId: string | undefined, reason: FailureReason): Promise<never> {
    const outcome = afterFailure(attempt.slot.attempt, now);
    await attempt.settle({ result: 'failed', lockUntil: outcome.lockedUntil });
    if (userId !== undefined) {
      await this.record(
        userId,
        outcome.lockedUntil !== null ? { type: 'RecordSignInFailure', reason: 'locked', lockedUntil: outcome.lockedUntil } : { type: 'RecordSignInFailure', reason },
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
