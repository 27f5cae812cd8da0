import { ApiProperty } from '@nestjs/swagger';
import { IsArray } from 'class-validator';
import { badRequest } from '../http/problem';

/** The whole list of a chart's diagnosis codes; the domain checks the codes (422 naming `/codes/<i>`). */
export class SetDiagnosisCodesRequestDto {
  @ApiProperty({
    type: [String],
    example: ['F41.1', 'Z63.0'],
    description:
      'ICD-10-CM codes in order, the first the primary one (a letter, two digits, optionally a dot and 1 to 4 letters or digits; ' +
      'letter case is normalised); at most 12, no code twice; [] clears them',
  })
  @IsArray()
  codes: string[];
}

/**
 * The codes as strings, or 400 naming each entry that is not one (`/codes/0`): class-validator's
 * `each` checks name only the list.
 */
export const codesOf = (body: SetDiagnosisCodesRequestDto): string[] => {
  const wrong = body.codes.flatMap((code, index) => (typeof code === 'string' ? [] : [{ field: `codes.${index}`, message: 'must be a string' }]));
  if (wrong.length > 0) throw badRequest('ValidationFailed', `${wrong.length} field${wrong.length === 1 ? ' is' : 's are'} not valid`, wrong);
  return body.codes;
};
