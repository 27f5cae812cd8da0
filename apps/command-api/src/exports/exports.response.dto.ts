import { ApiProperty } from '@nestjs/swagger';
import { DATE_TIME, NULLABLE_STRING, OPEN_OBJECT, PageDto, UUID } from '../http/answer.dto';

/** One change of the feed: the document as it is now, or a tombstone (`deleted`, no document). */
export class ChangeDto {
  @ApiProperty({ description: 'The document id' }) id: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The log position of the last event applied to it (or of its deletion)' }) position: number;
  @ApiProperty({ description: 'A tombstone: delete the document' }) deleted: boolean;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'The document (null for a tombstone)' }) document: Record<string, unknown> | null;
}

export class ChangeFeedPageDto extends PageDto {
  @ApiProperty() readModel: string;
  @ApiProperty({ type: 'integer', minimum: -1, description: 'Changes after this position' }) since: number;
  @ApiProperty({ type: 'integer', minimum: -1, description: 'Changes up to this position (what the read model reflected at the first page)' }) until: number;
  @ApiProperty({ type: 'integer', minimum: -1, description: 'Once nextCursor is null: the `since` of the next sync' }) nextSince: number;
  @ApiProperty({ type: [ChangeDto] }) changes: ChangeDto[];
}

/** One disclosure recorded for auditors: never the data. */
export class ExportRecordDto {
  @ApiProperty(UUID) id: string;
  @ApiProperty(UUID) userId: string;
  @ApiProperty() role: string;
  @ApiProperty({ enum: ['export', 'changes'] }) kind: 'export' | 'changes';
  @ApiProperty({ description: 'The dataset exported or the read model of the change feed' }) dataset: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, description: 'The query parameters (format, cut, period, limit...)' })
  parameters: Record<string, string | number>;
  @ApiProperty({ type: 'integer', minimum: -1, description: 'The log position (cut) the rows reflect' }) position: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) rows: number;
  @ApiProperty({ enum: ['started', 'completed', 'aborted'] }) status: 'started' | 'completed' | 'aborted';
  @ApiProperty(DATE_TIME) at: string;
  @ApiProperty({ ...NULLABLE_STRING, format: 'date-time' }) finishedAt: string | null;
}

export class ExportAuditPageDto extends PageDto {
  @ApiProperty({ type: [ExportRecordDto] }) items: ExportRecordDto[];
}
