import type { ChartEvent } from '@practice/events';
import { chartId, groupCreated, individualCreated, now, practiceId } from '../../../../libs/domain/src/chart/chart-spec.fixtures';
import { deciderSpec } from '../../../../test/support/decider-spec';
import { ProblemException } from '../http/problem';
import { clientRecordDecider } from './client-record-patch';

const spec = deciderSpec(clientRecordDecider);
const overview = {
  dateOfBirth: '1990-02-28',
  address: { line1: '1 Main St', line2: null, city: 'Arlington', region: null, postalCode: null, country: null },
  occupation: 'Engineer',
  employmentStatus: null,
  relationshipStatus: null,
  livingArrangement: null,
  diagnosis: 'F41.1',
  symptoms: null,
};
const overviewEdited: ChartEvent = { type: 'ClientOverviewEdited', data: { chartId, ...overview } };
const patchOverview = (patch: Record<string, unknown>) => ({ type: 'PatchClientOverview' as const, chartId, practiceId, now, patch });

describe('Patching a section of the client record', () => {
  describe('when the overview is filled in', () => {
    it('merges one field into the section as the stream has it, keeping the others', () => {
      spec.given([individualCreated, overviewEdited]).when(patchOverview({ occupation: 'Teacher' })).then([
        { type: 'ClientOverviewEdited', data: { chartId, ...overview, occupation: 'Teacher' } },
      ]);
    });

    it('clears a field sent as null and merges the address field by field', () => {
      spec.given([individualCreated, overviewEdited]).when(patchOverview({ diagnosis: null, address: { city: 'Boston' } })).then([
        { type: 'ClientOverviewEdited', data: { chartId, ...overview, diagnosis: null, address: { ...overview.address, city: 'Boston' } } },
      ]);
    });

    it('an empty patch, or one that sets what is there, changes nothing', () => {
      spec.given([individualCreated, overviewEdited]).when(patchOverview({})).then([]);
      spec.given([individualCreated, overviewEdited]).when(patchOverview({ occupation: 'Engineer' })).then([]);
    });

    it('refuses a merge that leaves the section invalid, naming the field', () => {
      const state = [individualCreated, overviewEdited].reduce(clientRecordDecider.evolve, clientRecordDecider.initialState());
      let refused: unknown;
      try {
        clientRecordDecider.decide(patchOverview({ address: { line1: null } }), state);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(ProblemException);
      expect(new Set((refused as ProblemException).problem.errors?.map((e) => e.field))).toEqual(new Set(['address.line1']));
      spec.given([individualCreated, overviewEdited]).when(patchOverview({ dateOfBirth: '2999-01-01' })).thenThrows('DateOfBirthInFuture', 'dateOfBirth');
    });
  });

  describe('when the chart is not a client of this practice', () => {
    it('is not found before it exists, and a group chart has no details', () => {
      spec.given([]).when(patchOverview({ occupation: 'x' })).thenThrows('ChartNotFound');
      spec.given([groupCreated]).when(patchOverview({ occupation: 'x' })).thenThrows('GroupChartHasNoDetails');
    });
  });

  it('patches the profile card and the identity the same way', () => {
    spec.given([individualCreated]).when({ type: 'PatchClientProfile', chartId, practiceId, now, patch: { location: 'Boston' } }).then([
      { type: 'ClientProfileEdited', data: { chartId, firstName: 'Ada', lastName: 'Lovelace', phone: null, gender: null, location: 'Boston' } },
    ]);
    spec.given([individualCreated]).when({ type: 'PatchClientIdentity', chartId, practiceId, now, patch: { legalSex: 'female' } }).then([
      { type: 'ClientIdentityEdited', data: { chartId, pronouns: null, legalSex: 'female', genderIdentity: null } },
    ]);
  });
});
