import { ApiProperty } from '@nestjs/swagger';
import { ALLOWED_FILE_TYPES } from './file-content';

/**
 * The multipart/form-data body of an upload, for the OpenAPI document: the route reads it as a stream
 * (file-part.ts), not through the validation pipe.
 */
export class UploadFileRequestDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      `The document: one file part named file, at most FILE_LIMIT bytes (default 25 MB), of a type the bytes prove: ` +
      `${Object.values(ALLOWED_FILE_TYPES).join(', ')}. Its filename is kept (sanitized, at most 255 characters).`,
  })
  file: unknown;
}
