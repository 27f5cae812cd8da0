import { isValidTaxonomyCode } from './taxonomy-code';

describe('Taxonomy code', () => {
  it('accepts published codes', () => {
    for (const code of ['101YM0800X', '103T00000X', '1041C0700X', '106H00000X', '2084P0800X']) {
      expect(isValidTaxonomyCode(code)).toBe(true);
    }
  });

  it('refuses wrong lengths, lower case, a missing X and letters in the first three', () => {
    for (const code of ['101YM0800', '101ym0800x', '101YM08000', 'A01YM0800X', '101YM0800XX', '101-M0800X']) {
      expect(isValidTaxonomyCode(code)).toBe(false);
    }
  });
});
