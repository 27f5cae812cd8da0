import { ApiProperty, type SchemaObject } from '@nestjs/swagger';
import { granularities, reportNames } from '@practice/read-models';
import { DATE_TIME, PageDto, UUID } from '../http/answer.dto';

const CELL: SchemaObject = { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }] };

export class ReportDto {
  @ApiProperty({ enum: reportNames }) report: string;
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: granularities }) granularity: string;
  @ApiProperty({ description: 'The IANA time zone the periods are cut in (the practice setting, UTC by default)' }) timeZone: string;
  @ApiProperty({ type: [String], description: 'The columns of each row, in CSV order' }) columns: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: CELL },
    description: 'One object per row, keyed by column: counts, rates, names; a suppressed small count is the string "<5"',
  })
  rows: Record<string, string | number | null>[];
}

export class ReportParametersDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: granularities }) granularity: string;
}

export class ReportReadDto {
  @ApiProperty({ ...UUID, description: 'Who read the report' }) userId: string;
  @ApiProperty({ enum: reportNames }) report: string;
  @ApiProperty({ enum: ['json', 'csv'] }) format: string;
  @ApiProperty({ type: ReportParametersDto }) parameters: ReportParametersDto;
  @ApiProperty({ ...DATE_TIME, description: 'When it was read' }) at: string;
}

export class ReportReadsPageDto extends PageDto {
  @ApiProperty({ type: [ReportReadDto], description: 'Oldest first' }) items: ReportReadDto[];
}
