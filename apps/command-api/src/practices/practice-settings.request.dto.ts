import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsTimeZone, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress } from '../http/email.decorator';
import { IsOmittable } from '../http/optional.decorator';
import { practiceRoles, type PracticeRole } from '@practice/events';

export class RenamePracticeRequestDto {
  @ApiProperty({ example: 'Calmer Minds Therapy' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class PracticeSettingsRequestDto {
  @ApiProperty({ required: false, description: "Portal intake: Request Client's Legal Sex Designation" })
  @IsOmittable()
  @IsBoolean()
  requestClientLegalSexDesignation?: boolean;

  @ApiProperty({ required: false, example: 'America/New_York', description: 'The IANA time zone reports cut days, weeks and months in (UTC until set)' })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  timeZone?: string;
}

export class InviteMemberRequestDto {
  @ApiProperty({ example: 'grace@example.com' })
  @IsString()
  @IsEmailAddress()
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: practiceRoles })
  @IsIn(practiceRoles)
  role: PracticeRole;
}

export class ChangeRoleRequestDto {
  @ApiProperty({ enum: practiceRoles })
  @IsIn(practiceRoles)
  role: PracticeRole;
}
