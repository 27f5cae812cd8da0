import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand } from './chart.decider';

const spec = deciderSpec(chartDecider);
const chartId = 'c-1';
const practiceId = 'p-1';

const created: ChartEvent = {
  type: 'ClientCreated',
  data: { chartId, practiceId, kind: 'individual', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
};

const createClient = (overrides: Partial<Extract<ChartCommand, { type: 'CreateClient' }>> = {}): ChartCommand => ({
  type: 'CreateClient',
  chartId,
  practiceId,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  ...overrides,
});

describe('Chart decider', () => {
  describe('when the chart does not exist', () => {
    it('creates an individual client with first and last name and an email', () => {
      spec.given([]).when(createClient()).then([created]);
    });

    it('needs only a first and last name', () => {
      spec
        .given([])
        .when(createClient({ email: null }))
        .then([{ ...created, data: { ...created.data, email: null } } as ChartEvent]);
    });

    it('trims names and email', () => {
      spec
        .given([])
        .when(createClient({ firstName: '  Ada ', lastName: ' Lovelace', email: ' ada@example.com ' }))
        .then([created]);
    });

    it('refuses a blank first name', () => {
      spec.given([]).when(createClient({ firstName: '   ' })).thenThrows('NameRequired', 'firstName');
    });

    it('refuses a blank last name', () => {
      spec.given([]).when(createClient({ lastName: '' })).thenThrows('NameRequired', 'lastName');
    });

    it('refuses an email that is not an address', () => {
      spec.given([]).when(createClient({ email: 'not-an-email' })).thenThrows('InvalidEmail', 'email');
    });

    it('has no legal name to set', () => {
      spec
        .given([])
        .when({ type: 'SetLegalName', chartId, practiceId, firstName: 'A', lastName: 'L' })
        .thenThrows('ChartNotFound');
    });

    it('has no setup to complete', () => {
      spec.given([]).when({ type: 'CompleteClientSetup', chartId, practiceId }).thenThrows('ChartNotFound');
    });
  });

  describe('when the client exists and its setup is incomplete', () => {
    it('refuses to create it again', () => {
      spec.given([created]).when(createClient()).thenThrows('ChartAlreadyExists');
    });

    it('sets a legal name', () => {
      spec
        .given([created])
        .when({ type: 'SetLegalName', chartId, practiceId, firstName: 'Augusta', lastName: 'King' })
        .then([{ type: 'LegalNameSet', data: { chartId, firstName: 'Augusta', lastName: 'King' } }]);
    });

    it('refuses a legal name without a last name', () => {
      spec
        .given([created])
        .when({ type: 'SetLegalName', chartId, practiceId, firstName: 'Augusta', lastName: ' ' })
        .thenThrows('NameRequired', 'lastName');
    });

    it('completes the setup', () => {
      spec
        .given([created])
        .when({ type: 'CompleteClientSetup', chartId, practiceId })
        .then([{ type: 'ClientSetupCompleted', data: { chartId } }]);
    });

    it('does not exist for another practice', () => {
      spec
        .given([created])
        .when({ type: 'CompleteClientSetup', chartId, practiceId: 'p-other' })
        .thenThrows('ChartNotFound');
      spec
        .given([created])
        .when({ type: 'SetLegalName', chartId, practiceId: 'p-other', firstName: 'A', lastName: 'B' })
        .thenThrows('ChartNotFound');
    });

    it('has no legal name to clear', () => {
      spec.given([created]).when({ type: 'ClearLegalName', chartId, practiceId }).then([]);
    });
  });

  describe('when a legal name is set', () => {
    const legalNameSet: ChartEvent = { type: 'LegalNameSet', data: { chartId, firstName: 'Augusta', lastName: 'King' } };

    it('setting the same legal name again changes nothing', () => {
      spec
        .given([created, legalNameSet])
        .when({ type: 'SetLegalName', chartId, practiceId, firstName: 'Augusta', lastName: 'King' })
        .then([]);
    });

    it('clears it', () => {
      spec
        .given([created, legalNameSet])
        .when({ type: 'ClearLegalName', chartId, practiceId })
        .then([{ type: 'LegalNameCleared', data: { chartId } }]);
    });
  });

  describe('when the setup is complete', () => {
    it('refuses to complete it again', () => {
      spec
        .given([created, { type: 'ClientSetupCompleted', data: { chartId } }])
        .when({ type: 'CompleteClientSetup', chartId, practiceId })
        .thenThrows('ClientSetupAlreadyComplete');
    });
  });
});
