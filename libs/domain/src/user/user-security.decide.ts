import type { UserEvent } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import type { ChangePassword, DisableTwoFactor, EnableTwoFactor, RecordSignIn, RecordSignInFailure } from './user.commands';
import type { RegisteredUser } from './user.state';

export const recordSignIn = (command: RecordSignIn, user: RegisteredUser): UserEvent[] => [
  { type: 'UserSignedIn', data: { userId: user.userId, method: command.method } },
];

export const recordSignInFailure = (command: RecordSignInFailure, user: RegisteredUser): UserEvent[] => [
  {
    type: 'UserSignInFailed',
    data: {
      userId: user.userId,
      reason: command.reason,
      ...(command.lockedUntil === undefined ? {} : { lockedUntil: command.lockedUntil }),
    },
  },
];

export const changePassword = (command: ChangePassword, user: RegisteredUser): UserEvent[] => {
  if (!command.currentPasswordVerified) {
    throw invalid('CurrentPasswordIncorrect', 'currentPassword', 'is not the current password');
  }
  return [{ type: 'UserPasswordChanged', data: { userId: user.userId } }];
};

export const enableTwoFactor = (command: EnableTwoFactor, user: RegisteredUser): UserEvent[] => {
  if (user.twoFactorEnabled) {
    throw new DomainError('TwoFactorAlreadyEnabled', 'conflict', '2-step authentication is already on');
  }
  // Turned on only once the user has shown that their authenticator produces valid codes.
  if (!command.codeVerified) throw invalid('TwoFactorCodeInvalid', 'code', 'is not a valid code for this secret');
  return [
    { type: 'TwoFactorEnabled', data: { userId: user.userId, method: 'totp', recoveryCodeCount: command.recoveryCodeCount } },
  ];
};

export const disableTwoFactor = (command: DisableTwoFactor, user: RegisteredUser): UserEvent[] => {
  if (!user.twoFactorEnabled) {
    throw new DomainError('TwoFactorNotEnabled', 'conflict', '2-step authentication is not on');
  }
  if (!command.verified) throw invalid('TwoFactorCodeInvalid', 'code', 'the password or the code is not correct');
  return [{ type: 'TwoFactorDisabled', data: { userId: user.userId } }];
};
