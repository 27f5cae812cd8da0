import type { UserEvent } from '@practice/events';
import { deciderSpec } from '../../../../test/support/decider-spec';
import { userDecider } from './user.decider';

const spec = deciderSpec(userDecider);
const userId = 'u-1';
const signedUp: UserEvent[] = [{ type: 'UserSignedUp', data: { userId, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' } }];
const enabled: UserEvent = { type: 'TwoFactorEnabled', data: { userId, method: 'totp', recoveryCodeCount: 10 } };

describe('User security', () => {
  describe('sign-ins', () => {
    it('records a sign-in with its method and a failure with its reason, and nothing secret', () => {
      spec.given(signedUp).when({ type: 'RecordSignIn', method: 'password+totp' }).then([{ type: 'UserSignedIn', data: { userId, method: 'password+totp' } }]);
      spec
        .given(signedUp)
        .when({ type: 'RecordSignInFailure', reason: 'locked', lockedUntil: '2026-01-01T00:15:00.000Z' })
        .then([{ type: 'UserSignInFailed', data: { userId, reason: 'locked', lockedUntil: '2026-01-01T00:15:00.000Z' } }]);
    });
  });

  describe('changing the password', () => {
    it('records that it changed once the current password was verified', () => {
      spec.given(signedUp).when({ type: 'ChangePassword', currentPasswordVerified: true }).then([{ type: 'UserPasswordChanged', data: { userId } }]);
    });

    it('refuses without the current password', () => {
      spec.given(signedUp).when({ type: 'ChangePassword', currentPasswordVerified: false }).thenThrows('CurrentPasswordIncorrect', 'currentPassword');
    });
  });

  describe('when 2-step authentication is off', () => {
    it('turns it on only after a code was verified', () => {
      spec.given(signedUp).when({ type: 'EnableTwoFactor', codeVerified: true, recoveryCodeCount: 10 }).then([enabled]);
      spec.given(signedUp).when({ type: 'EnableTwoFactor', codeVerified: false, recoveryCodeCount: 10 }).thenThrows('TwoFactorCodeInvalid', 'code');
    });

    it('cannot be turned off', () => {
      spec.given(signedUp).when({ type: 'DisableTwoFactor', verified: true }).thenThrows('TwoFactorNotEnabled');
    });
  });

  describe('when 2-step authentication is on', () => {
    it('cannot be turned on again', () => {
      spec.given([...signedUp, enabled]).when({ type: 'EnableTwoFactor', codeVerified: true, recoveryCodeCount: 10 }).thenThrows('TwoFactorAlreadyEnabled');
    });

    it('turns off with a verified password and code', () => {
      spec.given([...signedUp, enabled]).when({ type: 'DisableTwoFactor', verified: true }).then([{ type: 'TwoFactorDisabled', data: { userId } }]);
      spec.given([...signedUp, enabled]).when({ type: 'DisableTwoFactor', verified: false }).thenThrows('TwoFactorCodeInvalid');
    });
  });
});
