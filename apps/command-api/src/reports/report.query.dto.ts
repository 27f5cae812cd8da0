import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { granularities } from '@practice/read-models';

/**
 * The parameters of a report. They are checked by the report itself (parseReportParameters), so that a
 * missing or bad one is 422 InvalidReportParameter naming it, not a generic 400.
 */
export class ReportQueryDto {
  @ApiProperty({ format: 'date', description: 'First day of the range (YYYY-MM-DD in the practice time zone, years 1900 to 9998), included. Required.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiProperty({ format: 'date', description: 'Last day of the range (YYYY-MM-DD in the practice time zone, years 1900 to 9998), included. Required; at most 366 days by day, 3 years otherwise.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ enum: granularities, default: 'month', description: 'Periods of the rows: day, week (from Monday) or month' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  granularity?: string;
}
