import { type ChartEvent, ICD10_CM_CODE, MAX_DIAGNOSIS_CODES } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import type { SetDiagnosisCodes } from './chart.commands';
import { clientChartOf } from './chart.guards';
import type { ChartState } from './chart.state';

/** `f41.1 ` -> `F41.1`, or a refusal naming the entry of the list. */
const diagnosisCode = (raw: string, index: number): string => {
  const code = raw.trim().toUpperCase();
  if (!ICD10_CM_CODE.test(code)) {
    throw invalid('InvalidDiagnosisCode', `codes.${index}`, 'must be an ICD-10-CM code: a letter, two digits, then optionally a dot and 1 to 4 letters or digits (F41.1)');
  }
  return code;
};

/**
 * The diagnosis codes of a client's chart, in order (the first is the primary one), replacing the list
 * as a whole; an empty list clears it. A group chart has none of its own: its superbill shows those of
 * its Identified Patient's chart.
 */
export const setDiagnosisCodes = (command: SetDiagnosisCodes, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (command.codes.length > MAX_DIAGNOSIS_CODES) {
    throw new DomainError('TooManyDiagnosisCodes', 'invalid', `At most ${MAX_DIAGNOSIS_CODES} diagnosis codes`, [
      { field: 'codes', message: `must hold at most ${MAX_DIAGNOSIS_CODES} codes` },
    ]);
  }
  const codes = command.codes.map(diagnosisCode);
  const twice = codes.findIndex((code, index) => codes.indexOf(code) !== index);
  if (twice >= 0) throw invalid('DuplicateEntry', `codes.${twice}`, `lists ${codes[twice]} twice`);
  if (codes.length === chart.diagnosisCodes.length && codes.every((code, index) => chart.diagnosisCodes[index] === code)) return [];
  return [{ type: 'DiagnosisCodesSet', data: { chartId: chart.chartId, codes } }];
};
