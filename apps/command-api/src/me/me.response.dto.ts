import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandAnswerDto, DATE_TIME, NULLABLE_STRING, OPEN_OBJECT, PageDto, UUID } from '../http/answer.dto';
import { ROLES } from '../practices/practices.response.dto';

export class UserAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) userId: string;
}

export class PasswordChangedDto extends CommandAnswerDto {
  @ApiProperty({ description: 'A fresh token: older tokens stop working' }) accessToken: string;
}

export class TwoFactorSetupDto {
  @ApiProperty({ description: 'The TOTP secret (base32), pending until verified' }) secret: string;
  @ApiProperty({ description: 'otpauth:// URL for an authenticator app' }) otpauthUrl: string;
}

export class TwoFactorEnabledDto extends CommandAnswerDto {
  @ApiProperty({ type: [String], description: 'Shown once' }) recoveryCodes: string[];
}

export class PracticeSwitchedDto extends CommandAnswerDto {
  @ApiProperty(UUID) practiceId: string;
}

export class ProfileDto {
  @ApiProperty(UUID) userId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, format: 'email' }) email: string;
  @ApiPropertyOptional({ ...OPEN_OBJECT, nullable: true }) legalName?: object | null;
  @ApiPropertyOptional({ ...OPEN_OBJECT, nullable: true }) clinicalInfo?: object | null;
  @ApiPropertyOptional(OPEN_OBJECT) notifications?: object;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) selectedPracticeId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'My own IANA time zone; null: I follow my practice\'s' }) timeZone: string | null;
  @ApiProperty({ description: 'The zone my daily digest follows now (07:00 there): mine, else my selected practice\'s, else UTC' }) digestTimeZone: string;
}

export class MenuEntryDto {
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty(NULLABLE_STRING) name: string | null;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() selected: boolean;
}

export class MenuDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) selectedPracticeId: string | null;
  @ApiProperty({ type: [MenuEntryDto], description: 'The five most recently accessed practices, most recent first' }) recent: MenuEntryDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiPropertyOptional() viewMore?: boolean;
}

export class MyPracticeDto {
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty(NULLABLE_STRING) name: string | null;
  @ApiProperty({ enum: ROLES }) role: string;
}

export class MyPracticesPageDto extends PageDto {
  @ApiProperty({ type: [MyPracticeDto] }) items: MyPracticeDto[];
  @ApiProperty({ type: 'integer' }) total: number;
}

export class HistoryEntryDto {
  @ApiProperty() type: string;
  @ApiProperty(DATE_TIME) occurredAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) practiceId: string | null;
  @ApiProperty() commandType: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty(OPEN_OBJECT) data: object;
}

export class HistoryPageDto extends PageDto {
  @ApiProperty({ type: [HistoryEntryDto], description: 'Newest first' }) items: HistoryEntryDto[];
}
