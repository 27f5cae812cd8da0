import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { practiceRoles } from '@practice/events';
import { CommandAnswerDto, DATE_TIME, NULLABLE_STRING, OPEN_OBJECT, PageDto, UUID } from '../http/answer.dto';

export const ROLES: readonly string[] = practiceRoles;

export class PracticeAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) practiceId: string;
}

export class PracticeDto {
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty() name: string;
  @ApiProperty(OPEN_OBJECT) settings: object;
  @ApiProperty({ enum: ROLES, description: "The caller's role" }) role: string;
}

export class MemberDto {
  @ApiProperty(UUID) userId: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty(DATE_TIME) joinedAt: string;
  @ApiProperty(NULLABLE_STRING) firstName: string | null;
  @ApiProperty(NULLABLE_STRING) lastName: string | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) email: string | null;
  @ApiPropertyOptional({ ...OPEN_OBJECT, nullable: true, description: 'With members:clinical-info:read' }) legalName?: object | null;
  @ApiPropertyOptional({ ...OPEN_OBJECT, nullable: true, description: 'With members:clinical-info:read' }) clinicalInfo?: object | null;
}

export class MembersPageDto extends PageDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
}

export class InvitationAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) invitationId: string;
}

export class AnsweredInvitationDto extends InvitationAnswerDto {
  @ApiProperty(UUID) practiceId: string;
}

export class InvitationDto {
  @ApiProperty(UUID) invitationId: string;
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty({ type: String, format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'revoked', 'expired'] }) status: string;
  @ApiProperty(DATE_TIME) invitedAt: string;
  @ApiProperty(DATE_TIME) expiresAt: string;
}

export class InvitationsPageDto extends PageDto {
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
}

export class MyInvitationDto extends InvitationDto {
  @ApiProperty(NULLABLE_STRING) practiceName: string | null;
}

export class MyInvitationsPageDto extends PageDto {
  @ApiProperty({ type: [MyInvitationDto] }) items: MyInvitationDto[];
}
