import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString, MaxLength } from 'class-validator';

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
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  codes: string[];
}
