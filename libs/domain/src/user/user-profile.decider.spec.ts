import type { UserEvent } from '@practice/events';
import { deciderSpec } from '../../../../test/support/decider-spec';
import { userDecider } from './user.decider';

const spec = deciderSpec(userDecider);
const userId = 'u-1';
const signedUp: UserEvent[] = [{ type: 'UserSignedUp', data: { userId, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' } }];
const noClinicalInfo = { npi: null, taxonomyCode: null, licenseType: null, licenseNumber: null, licenseState: null };

describe('User profile', () => {
  describe('when the user does not exist', () => {
    it('refuses every profile command', () => {
      spec.given([]).when({ type: 'ChangeName', firstName: 'A', lastName: 'B' }).thenThrows('UserNotFound');
    });
  });

  describe('names and email', () => {
    it('changes first and last name, trimmed; the same names change nothing', () => {
      spec.given(signedUp).when({ type: 'ChangeName', firstName: ' Augusta ', lastName: 'King' }).then([{ type: 'UserNameChanged', data: { userId, firstName: 'Augusta', lastName: 'King' } }]);
      spec.given(signedUp).when({ type: 'ChangeName', firstName: 'Ada', lastName: 'Lovelace' }).then([]);
      spec.given(signedUp).when({ type: 'ChangeName', lastName: 'King' }).then([{ type: 'UserNameChanged', data: { userId, firstName: 'Ada', lastName: 'King' } }]);
      spec.given(signedUp).when({ type: 'ChangeName', firstName: '', lastName: 'King' }).thenThrows('NameRequired', 'firstName');
    });

    it('changes the email, remembering the previous one', () => {
      spec.given(signedUp).when({ type: 'ChangeEmail', email: 'ada@lovelace.org' }).then([{ type: 'UserEmailChanged', data: { userId, email: 'ada@lovelace.org', previousEmail: 'ada@example.com' } }]);
      spec.given(signedUp).when({ type: 'ChangeEmail', email: 'ada@example.com' }).then([]);
      spec.given(signedUp).when({ type: 'ChangeEmail', email: 'not-an-email' }).thenThrows('InvalidEmail', 'email');
    });
  });

  describe('legal name', () => {
    const set: UserEvent = { type: 'UserLegalNameSet', data: { userId, firstName: 'Augusta Ada', lastName: 'King' } };

    it('adds a legal name', () => {
      spec.given(signedUp).when({ type: 'SetLegalName', firstName: 'Augusta Ada', lastName: 'King' }).then([set]);
      spec.given(signedUp).when({ type: 'SetLegalName', firstName: 'Augusta Ada', lastName: ' ' }).thenThrows('NameRequired', 'lastName');
    });

    it('clears it, and clearing nothing changes nothing', () => {
      spec.given([...signedUp, set]).when({ type: 'ClearLegalName' }).then([{ type: 'UserLegalNameCleared', data: { userId } }]);
      spec.given(signedUp).when({ type: 'ClearLegalName' }).then([]);
    });
  });

  describe('clinical info', () => {
    const info = { npi: '1234567893', taxonomyCode: '101ym0800x', licenseType: 'LPC', licenseNumber: 'LPC-12345', licenseState: 'tx' };

    it('records the whole clinical info, normalised', () => {
      spec.given(signedUp).when({ type: 'UpdateClinicalInfo', clinicalInfo: info }).then([
        { type: 'UserClinicalInfoUpdated', data: { userId, clinicalInfo: { npi: '1234567893', taxonomyCode: '101YM0800X', licenseType: 'LPC', licenseNumber: 'LPC-12345', licenseState: 'TX' } } },
      ]);
    });

    it('names every bad field: NPI check digit, taxonomy code, license state', () => {
      const error = spec.given(signedUp).when({ type: 'UpdateClinicalInfo', clinicalInfo: { ...info, npi: '1234567890', taxonomyCode: '101YM0800', licenseState: 'ZZ' } }).thenThrows('InvalidClinicalInfo');
      expect(error.fields.map((f) => f.field)).toEqual(['npi', 'taxonomyCode', 'licenseState']);
    });

    it("accepts the seed's four fields (NPI, taxonomy code, license type and number): the license state stays optional", () => {
      spec.given(signedUp).when({ type: 'UpdateClinicalInfo', clinicalInfo: { ...info, licenseState: null } }).then([
        { type: 'UserClinicalInfoUpdated', data: { userId, clinicalInfo: { npi: '1234567893', taxonomyCode: '101YM0800X', licenseType: 'LPC', licenseNumber: 'LPC-12345', licenseState: null } } },
      ]);
    });

    it('clears fields with null or blanks, and the same info changes nothing', () => {
      spec.given(signedUp).when({ type: 'UpdateClinicalInfo', clinicalInfo: { ...noClinicalInfo, npi: ' ' } }).then([]);
    });
  });

  describe('notifications', () => {
    it('turns one category off, keeping the others on', () => {
      spec.given(signedUp).when({ type: 'ChangeNotificationPreferences', preferences: { productUpdatesAndTips: false } }).then([
        { type: 'UserNotificationPreferencesChanged', data: { userId, preferences: { dailyDigestAndPayments: true, productUpdatesAndTips: false, sidebarAppointmentNotifications: true } } },
      ]);
      spec.given(signedUp).when({ type: 'ChangeNotificationPreferences', preferences: { sidebarAppointmentNotifications: true } }).then([]);
    });
  });

  describe('switching practices', () => {
    it('records a switch into a practice where the user is an active member', () => {
      spec.given(signedUp).when({ type: 'SwitchPractice', practiceId: 'p-1', activeMember: true }).then([{ type: 'PracticeSwitched', data: { userId, practiceId: 'p-1' } }]);
    });

    it('refuses any other practice as not found', () => {
      spec.given(signedUp).when({ type: 'SwitchPractice', practiceId: 'p-2', activeMember: false }).thenThrows('PracticeNotFound');
    });
  });
  describe('time zone (the daily digest goes out at 07:00 there)', () => {
    it('sets an IANA time zone, and null follows the practice again; the same zone changes nothing', () => {
      spec.given(signedUp).when({ type: 'ChangeTimeZone', timeZone: 'Europe/Paris' }).then([{ type: 'UserTimeZoneChanged', data: { userId, timeZone: 'Europe/Paris' } }]);
      const inParis = [...signedUp, { type: 'UserTimeZoneChanged' as const, data: { userId, timeZone: 'Europe/Paris' } }];
      spec.given(inParis).when({ type: 'ChangeTimeZone', timeZone: 'Europe/Paris' }).then([]);
      spec.given(inParis).when({ type: 'ChangeTimeZone', timeZone: null }).then([{ type: 'UserTimeZoneChanged', data: { userId, timeZone: null } }]);
      spec.given(signedUp).when({ type: 'ChangeTimeZone', timeZone: null }).then([]);
    });

    it('refuses a name the runtime does not know, naming the field', () => {
      spec.given(signedUp).when({ type: 'ChangeTimeZone', timeZone: 'Mars/Olympus_Mons' }).thenThrows('InvalidValue');
    });
  });
});
