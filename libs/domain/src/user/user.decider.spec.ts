import { deciderSpec } from '../../../../test/support/decider-spec';
import { userDecider, type UserCommand } from './user.decider';

const spec = deciderSpec(userDecider);
const signUp: UserCommand = { type: 'SignUp', userId: 'u-1', email: 'Ada@Example.com', firstName: 'Ada', lastName: 'Lovelace' };

describe('User decider', () => {
  describe('when the user does not exist', () => {
    it('signs up with email and names, keeping the email as typed', () => {
      spec.given([]).when(signUp).then([
        { type: 'UserSignedUp', data: { userId: 'u-1', email: 'Ada@Example.com', firstName: 'Ada', lastName: 'Lovelace' } },
      ]);
    });

    it('refuses a malformed email and blank names', () => {
      spec.given([]).when({ ...signUp, email: 'ada' }).thenThrows('InvalidEmail', 'email');
      spec.given([]).when({ ...signUp, firstName: '' }).thenThrows('NameRequired', 'firstName');
    });
  });

  describe('when the user exists', () => {
    it('refuses to sign them up again', () => {
      spec
        .given([{ type: 'UserSignedUp', data: { userId: 'u-1', email: 'a@b.co', firstName: 'A', lastName: 'B' } }])
        .when(signUp)
        .thenThrows('UserAlreadyExists');
    });
  });
});
