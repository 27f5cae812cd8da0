import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../http/optional.decorator';
import { PageQueryDto } from '../http/keyset-page';

const BODY = {
  description: 'The text of the note (trimmed at both ends; at most 10,000 characters)',
  example: 'Session 3. Client reports better sleep; practised grounding.',
  minLength: 1,
  maxLength: 10_000,
} as const;
const SHARED = { description: 'Shared with the client (true), or kept within the practice (false)' } as const;

export class WriteNoteRequestDto {
  @ApiProperty(BODY) @IsString() @MinLength(1) @MaxLength(10_000) body: string;
  @ApiPropertyOptional({ ...SHARED, default: false }) @IsOmittable() @IsBoolean() sharedWithClient?: boolean;
}

/** PUT: the whole note; `sharedWithClient` left out is false (kept within the practice). */
export class ReplaceNoteRequestDto extends WriteNoteRequestDto {}

/** PATCH: a field left out stays as it is. */
export class EditNoteRequestDto {
  @ApiPropertyOptional(BODY) @IsOmittable() @IsString() @MinLength(1) @MaxLength(10_000) body?: string;
  @ApiPropertyOptional(SHARED) @IsOmittable() @IsBoolean() sharedWithClient?: boolean;
}

export class NoteAddendumRequestDto {
  @ApiProperty({ ...BODY, description: 'The text of the addendum (trimmed at both ends; at most 10,000 characters)', example: 'Late entry: client called to reschedule.' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  body: string;
}

export class AwaitingSignatureQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this author's notes (e.g. a clinician's own)" }) @IsOmittable() @IsUUID() authorUserId?: string;
}
