import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandAnswerDto, DATE_TIME, OPEN_OBJECT, PageDto, UUID } from '../http/answer.dto';

const NULLABLE_DATE_TIME = { ...DATE_TIME, nullable: true } as const;
const NULLABLE_UUID = { ...UUID, nullable: true } as const;

/** A command on a note: the note, its chart, the note's new revision (also the ETag) and the log position. */
export class NoteAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) noteId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: "The note's revision: send it back in If-Match" }) revision: number;
}

export class NoteAddendumAnswerDto extends NoteAnswerDto {
  @ApiProperty(UUID) addendumId: string;
}

/** What every role that lists notes sees. */
class NoteFieldsDto {
  @ApiProperty(UUID) noteId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty(UUID) authorUserId: string;
  @ApiProperty({ description: 'Shared with the client, or kept within the practice' }) sharedWithClient: boolean;
  @ApiProperty({ enum: ['unsigned', 'signed'] }) status: string;
  @ApiProperty(DATE_TIME) createdAt: string;
  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'The last edit, null if never edited' }) editedAt: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) signedAt: string | null;
  @ApiProperty(NULLABLE_UUID) signedByUserId: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) addendaCount: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: "The note's revision (its ETag)" }) revision: number;
}

/** A note in a list: its body only for roles with notes:read. */
export class NoteSummaryDto extends NoteFieldsDto {
  @ApiPropertyOptional({ description: "Only for roles with notes:read, on a chart's list" }) body?: string;
}

export class NotesPageDto extends PageDto {
  @ApiProperty({ type: [NoteSummaryDto], description: 'Newest first' }) items: NoteSummaryDto[];
}

export class AwaitingSignaturePageDto extends PageDto {
  @ApiProperty({ type: [NoteSummaryDto], description: 'Oldest first; summaries only' }) items: NoteSummaryDto[];
}

export class NoteAddendumDto {
  @ApiProperty(UUID) addendumId: string;
  @ApiProperty(UUID) authorUserId: string;
  @ApiProperty() body: string;
  @ApiProperty(DATE_TIME) addedAt: string;
}

/** A note as its readers see it: the current version, its signature and its addenda. */
export class NoteDto extends NoteFieldsDto {
  @ApiProperty() body: string;
  @ApiProperty(NULLABLE_UUID) editedByUserId: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'How many versions (1 + edits); the history has each' }) versions: number;
  @ApiProperty({ type: [NoteAddendumDto] }) addenda: NoteAddendumDto[];
}

export class NoteEventDto {
  @ApiProperty({ enum: ['NoteWritten', 'NoteEdited', 'NoteSigned', 'NoteAddendumAdded'] }) type: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) position: number;
  @ApiProperty(DATE_TIME) occurredAt: string;
  @ApiProperty({ ...NULLABLE_UUID, description: 'Who did it' }) actorUserId: string | null;
  @ApiProperty() commandType: string;
  @ApiProperty({ ...OPEN_OBJECT, description: 'NoteWritten and NoteEdited hold the whole version (body, sharedWithClient)' }) data: object;
}

export class NoteHistoryDto extends PageDto {
  @ApiProperty(UUID) noteId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The current revision' }) revision: number;
  @ApiProperty({ type: [NoteEventDto], description: 'Oldest first: every version, the signature, the addenda' }) events: NoteEventDto[];
}
