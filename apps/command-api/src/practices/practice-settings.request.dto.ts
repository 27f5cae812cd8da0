import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsTimeZone, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { MoneyDto } from '../billing/money.dto';
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
  @ApiProperty({ required: false, type: MoneyDto, description: 'Charged when an appointment is marked late-cancelled (amount 0: no fee)' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => MoneyDto)
  lateCancelFee?: MoneyDto;

  @ApiProperty({ required: false, type: MoneyDto, description: 'Charged when an appointment is marked a no-show (amount 0: no fee)' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => MoneyDto)
  noShowFee?: MoneyDto;

  @ApiProperty({ required: false, minimum: 1, maximum: 336, description: 'Appointment reminders go out this many hours before the start (default 24)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(336)
  appointmentReminderLeadHours?: number;
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
