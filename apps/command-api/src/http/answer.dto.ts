import { ApiProperty } from '@nestjs/swagger';

/**
 * The shapes every answer shares. Answer classes document what the API returns; they validate
 * nothing (the end-to-end suites check every real answer against them).
 */
export const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;
export const NULLABLE_STRING = { type: String, nullable: true } as const;
export const UUID = { type: String, format: 'uuid' } as const;
export const DATE_TIME = { type: String, format: 'date-time' } as const;

/** Every command answers with the log position of its last event (also sent as X-Consistency-Token). */
export class CommandAnswerDto {
  @ApiProperty({ type: 'integer', minimum: -1, description: 'The log position: send it in X-Consistency-Token to read your own write' })
  position: number;
}

/** A keyset page: `nextCursor` is null on the last page. */
export class PageDto {
  @ApiProperty({ ...NULLABLE_STRING, description: 'Send as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class FieldErrorDto {
  @ApiProperty({ description: 'The field (a dotted path) or header in error' }) field: string;
  @ApiProperty({ required: false, description: 'A JSON Pointer (RFC 6901) to the value in error' }) pointer?: string;
  @ApiProperty() message: string;
}

/** RFC 9457 problem details with a stable `code` (its enum is filled in from the catalogue of codes). */
export class ProblemDto {
  @ApiProperty({ description: 'A URI naming the problem type' }) type: string;
  @ApiProperty({ description: 'A short summary of the problem type' }) title: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599 }) status: number;
  @ApiProperty({ description: 'A stable code clients can branch on' }) code: string;
  @ApiProperty({ required: false, description: 'This occurrence of the problem' }) detail?: string;
  @ApiProperty({ required: false, format: 'uri-reference', description: 'This occurrence of the problem' }) instance?: string;
  @ApiProperty({ type: [FieldErrorDto], required: false, description: 'Each field in error' }) errors?: FieldErrorDto[];
}
