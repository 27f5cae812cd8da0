import type { ClinicalInfo } from '@practice/events';
import { DomainError, type FieldProblem } from '../shared/domain-error';
import { isValidNpi } from './npi';
import { isValidTaxonomyCode } from './taxonomy-code';
import { characterCount } from '../shared/unicode-text';

// US states, DC and the territories that issue professional licenses.
const LICENSE_STATES = new Set(
  ('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
    'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP').split(' '),
);

const blankToNull = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed.length === 0 ? null : trimmed;
};

/**
 * Normalises and checks clinical info; every broken field is reported at once, so a form can mark
 * all of them.
 */
export const assertClinicalInfo = (input: { readonly [K in keyof ClinicalInfo]: string | null }): ClinicalInfo => {
  const info: ClinicalInfo = {
    npi: blankToNull(input.npi),
    taxonomyCode: blankToNull(input.taxonomyCode)?.toUpperCase() ?? null,
    licenseType: blankToNull(input.licenseType),
    licenseNumber: blankToNull(input.licenseNumber),
    licenseState: blankToNull(input.licenseState)?.toUpperCase() ?? null,
  };
  const problems: FieldProblem[] = [];
  if (info.npi !== null && !isValidNpi(info.npi)) {
    problems.push({ field: 'npi', message: 'must be 10 digits starting with 1 or 2 with a valid check digit' });
  }
  if (info.taxonomyCode !== null && !isValidTaxonomyCode(info.taxonomyCode)) {
    problems.push({ field: 'taxonomyCode', message: 'must be three digits, six digits or capitals, then X' });
  }
  if (info.licenseType !== null && characterCount(info.licenseType) > 100) {
    problems.push({ field: 'licenseType', message: 'must be at most 100 characters' });
  }
  if (info.licenseNumber !== null && !/^[A-Za-z0-9.\- ]{1,50}$/.test(info.licenseNumber)) {
    problems.push({ field: 'licenseNumber', message: 'must be 1 to 50 letters, digits, dots, dashes or spaces' });
  }
  if (info.licenseState !== null && !LICENSE_STATES.has(info.licenseState)) {
    problems.push({ field: 'licenseState', message: 'must be a US state or territory code' });
  }
  if (problems.length > 0) {
    throw new DomainError('InvalidClinicalInfo', 'invalid', 'The clinical info is not valid', problems);
  }
  return info;
};
