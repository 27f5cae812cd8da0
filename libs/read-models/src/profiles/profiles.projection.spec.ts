import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from './recorded-events.fixture';
import { PRACTICE_PROFILES, practiceProfileProjection } from './practice-profile.projection';
import { USER_PROFILES, userProfileProjection } from './user-profile.projection';

describe('practice_profiles projection', () => {
  it('keeps the current name and settings, unchanged by a replay', async () => {
    const collection = new InMemoryReadStore().collection(PRACTICE_PROFILES);
    const batch = recorded([
      { type: 'PracticeCreated', data: { practiceId: 'p-1', name: 'Calm Minds', createdBy: 'u-1' } },
      { type: 'PracticeRenamed', data: { practiceId: 'p-1', name: 'Calmer Minds' } },
      { type: 'PracticeSettingsChanged', data: { practiceId: 'p-1', settings: { requestClientLegalSexDesignation: true } } },
    ]);
    await applyBatch(practiceProfileProjection, collection, batch);
    await applyBatch(practiceProfileProjection, collection, batch);
    expect(await collection.get('p-1')).toMatchObject({ name: 'Calmer Minds', settings: { requestClientLegalSexDesignation: true } });
  });
});

describe('user_profiles projection', () => {
  it('folds the profile with the decider, notes who changed the clinical info, and ignores a replay', async () => {
    const collection = new InMemoryReadStore().collection(USER_PROFILES);
    const signedUp = recorded([{ type: 'UserSignedUp', data: { userId: 'u-1', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' } }], { actorUserId: 'u-1' });
    const byAdmin = recorded(
      [
        { type: 'UserClinicalInfoUpdated', data: { userId: 'u-1', clinicalInfo: { npi: '1234567893', taxonomyCode: null, licenseType: null, licenseNumber: null, licenseState: null } } },
        { type: 'UserLegalNameSet', data: { userId: 'u-1', firstName: 'Augusta Ada', lastName: 'King' } },
        { type: 'UserSignedIn', data: { userId: 'u-1', method: 'password' } },
      ],
      { from: 1, actorUserId: 'u-admin' },
    );
    const batch = [...signedUp, ...byAdmin];
    await applyBatch(userProfileProjection, collection, batch);
    const once = await collection.get('u-1');
    await applyBatch(userProfileProjection, collection, batch);
    expect(await collection.get('u-1')).toEqual(once);
    expect(once).toMatchObject({
      email: 'ada@example.com',
      legalName: { firstName: 'Augusta Ada', lastName: 'King' },
      clinicalInfo: { npi: '1234567893' },
      clinicalInfoUpdatedBy: 'u-admin',
      notifications: { dailyDigestAndPayments: true },
      twoFactorEnabled: false,
    });
  });
});
