import { deciderSpec } from '../../../../test/support/decider-spec';
import { chartDecider, type ChartCommand } from './chart.decider';
import { chartId, groupCreated, individualCreated, minorCreated, practiceId } from './chart-spec.fixtures';

const spec = deciderSpec(chartDecider);

const setCodes = (codes: string[], overrides: Partial<ChartCommand> = {}): ChartCommand =>
  ({ type: 'SetDiagnosisCodes', chartId, practiceId, codes, ...overrides }) as ChartCommand;

const codesSet = (codes: string[]) => ({ type: 'DiagnosisCodesSet' as const, data: { chartId, codes } });

describe('Chart decider: diagnosis codes', () => {
  describe('when the client exists', () => {
    it('records ICD-10-CM codes in the order given, upper-cased and trimmed', () => {
      spec.given([individualCreated]).when(setCodes([' f41.1', 'Z63.0', 'F32.A', 'F43'])).then([codesSet(['F41.1', 'Z63.0', 'F32.A', 'F43'])]);
    });

    it('records them on a minor too', () => {
      spec.given([minorCreated]).when(setCodes(['F90.0'])).then([codesSet(['F90.0'])]);
    });

    it('replaces the list as a whole; the same list again changes nothing; an empty list clears it', () => {
      spec.given([individualCreated, codesSet(['F41.1'])]).when(setCodes(['Z63.0', 'F41.1'])).then([codesSet(['Z63.0', 'F41.1'])]);
      spec.given([individualCreated, codesSet(['F41.1', 'Z63.0'])]).when(setCodes(['f41.1', 'z63.0'])).then([]);
      spec.given([individualCreated, codesSet(['F41.1'])]).when(setCodes([])).then([codesSet([])]);
      spec.given([individualCreated]).when(setCodes([])).then([]);
    });

    it('refuses a code that is not ICD-10-CM, naming its place in the list', () => {
      for (const bad of ['41.1', 'F4', 'FF1.1', 'F41.', 'F41.12345', 'F41-1', 'F41.1 X', '']) {
        spec.given([individualCreated]).when(setCodes(['F41.1', bad])).thenThrows('InvalidDiagnosisCode', 'codes.1');
      }
    });

    it('refuses more than 12 codes, and the same code twice (in any letter case)', () => {
      const thirteen = Array.from({ length: 13 }, (_, i) => `F4${i % 10}.${i}`);
      spec.given([individualCreated]).when(setCodes(thirteen)).thenThrows('TooManyDiagnosisCodes', 'codes');
      spec.given([individualCreated]).when(setCodes(thirteen.slice(0, 12))).then([codesSet(thirteen.slice(0, 12))]);
      spec.given([individualCreated]).when(setCodes(['F41.1', 'Z63.0', 'f41.1'])).thenThrows('DuplicateEntry', 'codes.2');
    });
  });

  describe('when the chart is a group chart', () => {
    it('refuses: a group chart bills on its Identified Patient, whose own chart holds the codes', () => {
      spec.given([groupCreated]).when(setCodes(['F41.1'])).thenThrows('GroupChartHasNoDetails');
    });
  });

  describe('when the chart is of another practice, deleted or unknown', () => {
    it('answers ChartNotFound', () => {
      spec.given([individualCreated]).when(setCodes(['F41.1'], { practiceId: 'p-2' })).thenThrows('ChartNotFound');
      spec.given([individualCreated, { type: 'ClientDeleted', data: { chartId, practiceId, email: null } }]).when(setCodes(['F41.1'])).thenThrows('ChartNotFound');
      spec.given([]).when(setCodes(['F41.1'])).thenThrows('ChartNotFound');
    });
  });
});
