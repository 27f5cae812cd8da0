import { deciderSpec } from '../../../../test/support/decider-spec';
import { fold } from '../shared/decider';
import { membershipOf, practiceDecider } from './practice.decider';

const spec = deciderSpec(practiceDecider);

describe('Practice decider', () => {
  describe('when the practice does not exist', () => {
    it('creates it and makes its creator the owner', () => {
      spec
        .given([])
        .when({ type: 'CreatePractice', practiceId: 'p-1', name: ' Calm Minds ', ownerUserId: 'u-1' })
        .then([
          { type: 'PracticeCreated', data: { practiceId: 'p-1', name: 'Calm Minds', createdBy: 'u-1' } },
          { type: 'PracticeMemberAdded', data: { practiceId: 'p-1', userId: 'u-1', role: 'owner' } },
        ]);
    });

    it('refuses a blank name', () => {
      spec
        .given([])
        .when({ type: 'CreatePractice', practiceId: 'p-1', name: '  ', ownerUserId: 'u-1' })
        .thenThrows('NameRequired', 'name');
    });
  });

  describe('when the practice exists', () => {
    const history = practiceDecider.decide(
      { type: 'CreatePractice', practiceId: 'p-1', name: 'Calm Minds', ownerUserId: 'u-1' },
      practiceDecider.initialState(),
    );

    it('refuses to create it again', () => {
      spec
        .given(history)
        .when({ type: 'CreatePractice', practiceId: 'p-1', name: 'Again', ownerUserId: 'u-2' })
        .thenThrows('PracticeAlreadyExists');
    });

    it('knows its members and no one else', () => {
      const state = fold(practiceDecider, history);
      expect(membershipOf(state, 'u-1')).toEqual({ userId: 'u-1', role: 'owner' });
      expect(membershipOf(state, 'u-2')).toBeUndefined();
    });
  });
});
