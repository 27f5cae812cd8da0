import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../http/keyset-page';
import { QueryInteger } from '../http/integer-query';

export const MAX_EXPORT_LIMIT = 10_000_000;

/** A bulk export: its format, its cut, where it resumes, how many rows at most, and a period. */
export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], description: 'Wins over Accept (application/x-ndjson or text/csv); NDJSON by default' })
  @IsOptional()
  @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';

  @ApiPropertyOptional({ minimum: 0, description: 'The log position to cut at (at most the head of the log); default: what the read model reflects now' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  position?: number;

  @ApiPropertyOptional({ description: 'A `cursor` of a `resume` or `end` line: continues the same export at the same cut' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EXPORT_LIMIT, description: 'At most this many rows; the `end` line then gives `nextCursor`' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_EXPORT_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Rows from this instant (clients and charts: createdAt; appointments: start)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Rows before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** A page of the change feed: changes after `since` (a position a previous read answered as `nextSince`). */
export class ChangeFeedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ minimum: 0, description: 'Changes after this log position (`nextSince` of the last sync); omitted: every document' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  since?: number;
}
