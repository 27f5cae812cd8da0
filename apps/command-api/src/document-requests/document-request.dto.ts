import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CommandAnswerDto, DATE_TIME, NULLABLE_STRING, OPEN_OBJECT, PageDto, UUID } from '../http/answer.dto';
import { PageQueryDto } from '../http/keyset-page';
import type { TaskCompleterDto } from '../tasks/task.response.dto';

export class RequestDocumentRequestDto {
  @ApiProperty({ example: 'Release of information', maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'A note to the client; left out or null: none' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  message?: string | null;
}

export const DOCUMENT_REQUEST_STATUSES = ['requested', 'completed', 'cancelled'] as const;

export class DocumentRequestListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_REQUEST_STATUSES)
  status?: (typeof DOCUMENT_REQUEST_STATUSES)[number];
}

export class DocumentRequestAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) requestId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The revision of the request: send it back in If-Match' }) revision: number;
}

export class DocumentRequestDto {
  @ApiProperty(UUID) requestId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty() title: string;
  @ApiProperty(NULLABLE_STRING) message: string | null;
  @ApiProperty({ enum: DOCUMENT_REQUEST_STATUSES }) status: string;
  @ApiProperty(DATE_TIME) requestedAt: string;
  @ApiProperty({ ...UUID, nullable: true, description: 'The member of the practice who requested it' }) requestedBy: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) completedAt: string | null;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: "Who completed it: { kind: 'staff', userId } (a member of the practice) or { kind: 'client' } (through the portal)" }) completedBy: TaskCompleterDto | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision: number;
}

export class DocumentRequestsPageDto extends PageDto {
  @ApiProperty({ type: [DocumentRequestDto] }) items: DocumentRequestDto[];
}
