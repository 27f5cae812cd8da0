import { ApiProperty } from '@nestjs/swagger';
import { CommandAnswerDto, DATE_TIME, NULLABLE_STRING, PageDto, UUID } from '../http/answer.dto';
import { ALLOWED_FILE_TYPES } from './file-content';

const CONTENT_TYPE = { enum: Object.keys(ALLOWED_FILE_TYPES), description: 'The type found in the bytes' } as const;
const SHA256 = { type: String, pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes, lower-case hex' } as const;

export class FileAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) fileId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: "The file's revision: send it back in If-Match to delete it" }) revision: number;
}

export class FileUploadedDto extends FileAnswerDto {
  @ApiProperty({ minLength: 1, maxLength: 255, description: 'The name as kept: no path, no control characters' }) fileName: string;
  @ApiProperty(CONTENT_TYPE) contentType: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Bytes' }) size: number;
  @ApiProperty(SHA256) sha256: string;
}

export class ChartFileDto {
  @ApiProperty(UUID) fileId: string;
  @ApiProperty({ minLength: 1, maxLength: 255 }) fileName: string;
  @ApiProperty(CONTENT_TYPE) contentType: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) size: number;
  @ApiProperty(SHA256) sha256: string;
  @ApiProperty(DATE_TIME) uploadedAt: string;
  @ApiProperty({ ...NULLABLE_STRING, format: 'uuid', description: 'Who uploaded it' }) uploadedBy: string | null;
}

export class ChartFilesPageDto extends PageDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: [ChartFileDto], description: 'Newest first' }) items: ChartFileDto[];
}
