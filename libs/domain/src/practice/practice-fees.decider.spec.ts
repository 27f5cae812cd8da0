import { deciderSpec } from '../../../../test/support/decider-spec';
import type { PracticeEvent } from '@practice/events';
import { practiceDecider } from './practice.decider';

const spec = deciderSpec(practiceDecider);
const created = practiceDecider.decide({ type: 'CreatePractice', practiceId: 'p-1', name: 'Calm Minds', ownerUserId: 'u-1' }, practiceDecider.initialState());

describe('Practice decider: late-cancel and no-show fees', () => {
  it('keeps the fees among the settings, in minor units', () => {
    const lateCancelFee = { amount: 5000, currency: 'USD' };
    const changed: PracticeEvent = { type: 'PracticeSettingsChanged', data: { practiceId: 'p-1', settings: { requestClientLegalSexDesignation: true, lateCancelFee } } };
    spec.given(created).when({ type: 'ChangePracticeSettings', settings: { lateCancelFee } }).then([changed]);
    spec.given([...created, changed]).when({ type: 'ChangePracticeSettings', settings: { lateCancelFee } }).then([]);
  });

  it('refuses a fee that is not money, naming the field', () => {
    spec.given(created).when({ type: 'ChangePracticeSettings', settings: { noShowFee: { amount: 10.5, currency: 'USD' } } }).thenThrows('InvalidAmount', 'noShowFee.amount');
    spec.given(created).when({ type: 'ChangePracticeSettings', settings: { noShowFee: { amount: 100, currency: 'XYZ' } } }).thenThrows('InvalidCurrency', 'noShowFee.currency');
  });
});
