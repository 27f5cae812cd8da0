/** A Health Care Provider Taxonomy code: three digits, six digits or capitals, then X (e.g. 101YM0800X). */
const TAXONOMY_CODE = /^\d{3}[0-9A-Z]{6}X$/;

export const isValidTaxonomyCode = (value: string): boolean => TAXONOMY_CODE.test(value);
