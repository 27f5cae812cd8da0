import { Inject, Injectable } from '@nestjs/common';
import { userStream } from '@practice/events';
import { userDecider, userNotFound } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { hashRecoveryCode, isValidTotp, newRecoveryCodes, newTotpSecret, otpauthUrl } from '../auth/two-factor';
import type { CredentialStore } from '../infrastructure/credential-store';
import { hashPassword, verifyPassword } from '../infrastructure/password-hasher';
import { TokenService } from '../infrastructure/token-service';
import { CREDENTIAL_STORE } from '../infrastructure/tokens';

/**
 * Secrets are checked and kept here, outside the domain and the event log; the deciders get only the
 * verdicts (`currentPasswordVerified`, `codeVerified`) and the events say only what happened.
 */
@Injectable()
export class SecurityService {
  constructor(
    private readonly runner: CommandRunner,
    private readonly tokens: TokenService,
    @Inject(CREDENTIAL_STORE) private readonly credentials: CredentialStore,
  ) {}

  async changePassword(envelope: CommandEnvelope, currentPassword: string, newPassword: string) {
    const userId = envelope.actorUserId!;
    const credential = await this.credentials.get(userId);
    const verified = credential !== undefined && (await verifyPassword(currentPassword, credential.passwordHash));
    // Decided before anything is stored: a wrong current password changes nothing.
    await this.runner.prepare(userDecider, userStream(userId), { type: 'ChangePassword', currentPasswordVerified: verified }, envelope);
    const updated = await this.credentials.put(userId, await hashPassword(newPassword));
    const result = await this.runner.run(userDecider, userStream(userId), { type: 'ChangePassword', currentPasswordVerified: true }, envelope);
    return { result, accessToken: this.tokens.issue({ userId, credentialVersion: updated.version }) };
  }

  async setUpTwoFactor(userId: string) {
    const { state } = await this.runner.load(userDecider, userStream(userId));
    if (state.status !== 'registered') throw userNotFound();
    const secret = newTotpSecret();
    await this.credentials.putPendingTwoFactor(userId, secret);
    return { secret, otpauthUrl: otpauthUrl(state.email, secret) };
  }

  async enableTwoFactor(envelope: CommandEnvelope, code: string) {
    const userId = envelope.actorUserId!;
    const pending = (await this.credentials.getTwoFactor(userId))?.pendingSecret ?? null;
    const codeVerified = pending !== null && isValidTotp(code, pending);
    const recoveryCodes = newRecoveryCodes();
    const command = { type: 'EnableTwoFactor' as const, codeVerified, recoveryCodeCount: recoveryCodes.length };
    // Decided (and a retry recognised) before the credential store changes: a refusal changes nothing.
    await this.runner.prepare(userDecider, userStream(userId), command, envelope);
    await this.credentials.activateTwoFactor(userId, recoveryCodes.map(hashRecoveryCode));
    const result = await this.runner.run(userDecider, userStream(userId), command, envelope);
    return { result, recoveryCodes };
  }

  async disableTwoFactor(envelope: CommandEnvelope, proof: { password: string; code?: string; recoveryCode?: string }) {
    const userId = envelope.actorUserId!;
    const credential = await this.credentials.get(userId);
    const secret = (await this.credentials.getTwoFactor(userId))?.activeSecret ?? null;
    const passwordOk = credential !== undefined && (await verifyPassword(proof.password, credential.passwordHash));
    const secondOk =
      secret !== null &&
      ((proof.code !== undefined && isValidTotp(proof.code, secret)) ||
        (proof.recoveryCode !== undefined && (await this.credentials.getTwoFactor(userId))!.recoveryCodeHashes.includes(hashRecoveryCode(proof.recoveryCode))));
    const command = { type: 'DisableTwoFactor' as const, verified: passwordOk && secondOk };
    // Decided (and a retry recognised) before the credential store changes: a refusal changes nothing.
    await this.runner.prepare(userDecider, userStream(userId), command, envelope);
    await this.credentials.removeTwoFactor(userId);
    return this.runner.run(userDecider, userStream(userId), command, envelope);
  }
}
