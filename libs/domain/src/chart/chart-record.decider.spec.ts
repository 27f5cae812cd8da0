import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand } from './chart.decider';
import { chartId, individualCreated, now, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);

const profile = (overrides: Partial<Extract<ChartCommand, { type: 'EditClientProfile' }>> = {}): ChartCommand => ({
  type: 'EditClientProfile',
  chartId,
  practiceId,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: null,
  gender: null,
  location: null,
  ...overrides,
});

const overview = (overrides: Partial<Extract<ChartCommand, { type: 'EditClientOverview' }>> = {}): ChartCommand => ({
  type: 'EditClientOverview',
  chartId,
  practiceId,
  now,
  dateOfBirth: null,
  address: null,
  occupation: null,
  employmentStatus: null,
  relationshipStatus: null,
  livingArrangement: null,
  diagnosis: null,
  symptoms: null,
  ...overrides,
});

describe('Chart decider: the record', () => {
  describe('when the client exists', () => {
    it('edits the profile card and stores the phone as E.164', () => {
      spec
        .given([individualCreated])
        .when(profile({ firstName: 'Augusta', phone: '(415) 555-0132', gender: ' Woman ', location: 'London' }))
        .then([{ type: 'ClientProfileEdited', data: { chartId, firstName: 'Augusta', lastName: 'Lovelace', phone: '+14155550132', gender: 'Woman', location: 'London' } }]);
    });

    it('refuses a phone number that is not one', () => {
      spec.given([individualCreated]).when(profile({ phone: '12' })).thenThrows('InvalidPhoneNumber', 'phone');
    });

    it('changes the email on its own event, and nothing when nothing changed', () => {
      spec.given([individualCreated]).when(profile({ email: 'ada@lovelace.org' })).then([{ type: 'ClientEmailChanged', data: { chartId, email: 'ada@lovelace.org' } }]);
      spec.given([individualCreated]).when(profile({ email: null })).then([{ type: 'ClientEmailChanged', data: { chartId, email: null } }]);
      spec.given([individualCreated]).when(profile()).then([]);
      spec.given([individualCreated]).when(profile({ email: 'nope' })).thenThrows('InvalidEmail', 'email');
    });

    it('edits the overview; age is not stored', () => {
      spec
        .given([individualCreated])
        .when(overview({ dateOfBirth: '1990-02-28', occupation: ' Engineer ', address: { line1: '1 Main', line2: ' ', city: null, region: null, postalCode: null, country: null } }))
        .then([
          {
            type: 'ClientOverviewEdited',
            data: { chartId, dateOfBirth: '1990-02-28', address: { line1: '1 Main', line2: null, city: null, region: null, postalCode: null, country: null }, occupation: 'Engineer', employmentStatus: null, relationshipStatus: null, livingArrangement: null, diagnosis: null, symptoms: null },
          },
        ]);
      spec.given([individualCreated]).when(overview()).then([]);
    });

    it('refuses a date of birth that is not a date or lies in the future', () => {
      spec.given([individualCreated]).when(overview({ dateOfBirth: '1990-02-30' })).thenThrows('InvalidDate', 'dateOfBirth');
      spec.given([individualCreated]).when(overview({ dateOfBirth: '2024-05-02' })).thenThrows('DateOfBirthInFuture', 'dateOfBirth');
    });

    it('keeps pronouns, legal sex and gender identity as separate fields', () => {
      spec
        .given([individualCreated])
        .when({ type: 'EditClientIdentity', chartId, practiceId, pronouns: 'they/them', legalSex: 'female', genderIdentity: 'non-binary' })
        .then([{ type: 'ClientIdentityEdited', data: { chartId, pronouns: 'they/them', legalSex: 'female', genderIdentity: 'non-binary' } }]);
    });

    it('sets and removes the photo reference', () => {
      const set: ChartEvent = { type: 'ClientPhotoSet', data: { chartId, photoRef: 'img/1' } };
      spec.given([individualCreated]).when({ type: 'SetClientPhoto', chartId, practiceId, photoRef: 'img/1' }).then([set]);
      spec.given([individualCreated]).when({ type: 'SetClientPhoto', chartId, practiceId, photoRef: ' ' }).thenThrows('PhotoRequired', 'photoRef');
      spec.given([individualCreated, set]).when({ type: 'RemoveClientPhoto', chartId, practiceId }).then([{ type: 'ClientPhotoRemoved', data: { chartId } }]);
      spec.given([individualCreated]).when({ type: 'RemoveClientPhoto', chartId, practiceId }).then([]);
    });

    it('tags a client with a tag of the catalogue only, once', () => {
      const tagged: ChartEvent = { type: 'ClientTagged', data: { chartId, tagId: 't-1' } };
      spec.given([individualCreated]).when({ type: 'TagClient', chartId, practiceId, tagId: 't-1', tagDefined: true }).then([tagged]);
      spec.given([individualCreated]).when({ type: 'TagClient', chartId, practiceId, tagId: 't-1', tagDefined: false }).thenThrows('UnknownTag', 'tagId');
      spec.given([individualCreated, tagged]).when({ type: 'TagClient', chartId, practiceId, tagId: 't-1', tagDefined: true }).then([]);
      spec.given([individualCreated, tagged]).when({ type: 'UntagClient', chartId, practiceId, tagId: 't-1' }).then([{ type: 'ClientUntagged', data: { chartId, tagId: 't-1' } }]);
      spec.given([individualCreated]).when({ type: 'UntagClient', chartId, practiceId, tagId: 't-1' }).then([]);
    });

    it('records each optional setup step once', () => {
      const step: ChartEvent = { type: 'ClientSetupStepCompleted', data: { chartId, step: 'contacts' } };
      spec.given([individualCreated]).when({ type: 'CompleteSetupStep', chartId, practiceId, step: 'contacts' }).then([step]);
      spec.given([individualCreated, step]).when({ type: 'CompleteSetupStep', chartId, practiceId, step: 'contacts' }).then([]);
    });

    it('completes the setup without any step done (every step is optional)', () => {
      spec.given([individualCreated]).when({ type: 'CompleteClientSetup', chartId, practiceId }).then([{ type: 'ClientSetupCompleted', data: { chartId } }]);
    });
  });

  describe('when the client was deleted', () => {
    it('does not exist', () => {
      const deleted: ChartEvent = { type: 'ClientDeleted', data: { chartId, practiceId, email: 'ada@example.com' } };
      spec.given([individualCreated, deleted]).when(profile()).thenThrows('ChartNotFound');
    });
  });
});
