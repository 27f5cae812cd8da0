import { ApiProperty } from '@nestjs/swagger';
import { CommandAnswerDto, DATE_TIME, NULLABLE_STRING, PageDto, UUID } from '../http/answer.dto';

const KINDS = ['practice-invitation', 'appointment-reminder', 'portal-invitation', 'session-bridging', 'document-request'];
const STATUSES = ['queued', 'sending', 'failed', 'sent', 'parked', 'cancelled'];

/** A message of the outbox as an operator sees it: who it is to, never what it says. */
export class OutboxMessageDto {
  @ApiProperty(UUID) messageId: string;
  @ApiProperty({ enum: KINDS }) kind: string;
  @ApiProperty({ type: String, format: 'email' }) to: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Attempts since it was queued or last retried' }) attempts: number;
  @ApiProperty({ ...DATE_TIME, nullable: true, description: 'When the next attempt may start (queued, failed)' }) nextAttemptAt: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'The last failure or the reason it was parked' }) lastError: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Why it is parked: refused, attempts-exhausted or outcome-unknown' }) parkedWhy: string | null;
  @ApiProperty(DATE_TIME) queuedAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) sentAt: string | null;
}

export class OutboxPageDto extends PageDto {
  @ApiProperty({ type: [OutboxMessageDto] }) items: OutboxMessageDto[];
}

export class MessageAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) messageId: string;
}

export class DevOutboxFileDto {
  @ApiProperty(UUID) messageId: string;
  @ApiProperty({ description: 'The file under DATA_DIR/outbox' }) file: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) size: number;
  @ApiProperty(DATE_TIME) writtenAt: string;
}

export class DevOutboxDto {
  @ApiProperty({ description: 'The directory the .eml files are written to' }) dir: string;
  @ApiProperty({ type: [DevOutboxFileDto] }) items: DevOutboxFileDto[];
}

/** What an invitation link stands for, before the invitee signs in to accept it. */
export class InvitationLinkDto {
  @ApiProperty(UUID) invitationId: string;
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty({ ...NULLABLE_STRING }) practiceName: string | null;
  @ApiProperty({ enum: ['owner', 'admin', 'clinician', 'biller', 'scheduler'] }) role: string;
  @ApiProperty(DATE_TIME) expiresAt: string;
  @ApiProperty({ description: 'Where the invitee, signed in with the invited email, accepts it: POST this path' }) acceptPath: string;
}

export class PortalInvitationLinkDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty({ ...NULLABLE_STRING }) practiceName: string | null;
  @ApiProperty({ ...DATE_TIME, description: 'When the invitation this link was sent for was sent' }) invitedAt: string;
}

export class PortalInvitationAcceptedDto extends CommandAnswerDto {
  @ApiProperty(UUID) chartId: string;
}
