import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, IsTimeZone, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsEmailAddress } from '../http/email.decorator';
import { IsOmittable } from '../http/optional.decorator';

export class ChangeNameRequestDto {
  @ApiProperty({ required: false, example: 'Ada' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  firstName?: string;

  @ApiProperty({ required: false, example: 'Lovelace' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  lastName?: string;
}

export class ChangeEmailRequestDto {
  @ApiProperty({ example: 'ada@lovelace.org' })
  @IsString()
  @IsEmailAddress()
  @MaxLength(320)
  email: string;
}

const nullableString = (max: number) => [
  ValidateIf((_object: object, value: unknown) => value !== null && value !== undefined),
  IsString(),
  MaxLength(max),
];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => decorators.forEach((decorator) => decorator(target, key));

/** The whole clinical info; a field left out or null is cleared. Rules (NPI check digit...) are the domain's. */
export class ClinicalInfoRequestDto {
  @ApiProperty({ required: false, nullable: true, example: '1234567893' })
  @apply(...nullableString(20))
  npi?: string | null;

  @ApiProperty({ required: false, nullable: true, example: '101YM0800X' })
  @apply(...nullableString(20))
  taxonomyCode?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'LPC' })
  @apply(...nullableString(100))
  licenseType?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'LPC-12345' })
  @apply(...nullableString(50))
  licenseNumber?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'TX' })
  @apply(...nullableString(2))
  licenseState?: string | null;
}

export const clinicalInfoOf = (body: ClinicalInfoRequestDto) => ({
  npi: body.npi ?? null,
  taxonomyCode: body.taxonomyCode ?? null,
  licenseType: body.licenseType ?? null,
  licenseNumber: body.licenseNumber ?? null,
  licenseState: body.licenseState ?? null,
});

export class NotificationsRequestDto {
  @ApiProperty({ required: false, description: 'Email: Daily Digest & Payments' })
  @IsOmittable()
  @IsBoolean()
  dailyDigestAndPayments?: boolean;

  @ApiProperty({ required: false, description: 'Email: Product Updates & Tips' })
  @IsOmittable()
  @IsBoolean()
  productUpdatesAndTips?: boolean;

  @ApiProperty({ required: false, description: 'Sidebar display: Appointment Notifications' })
  @IsOmittable()
  @IsBoolean()
  sidebarAppointmentNotifications?: boolean;
}

/** The daily digest's time zone; null goes back to following the practice's. */
export class TimeZoneRequestDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Europe/Paris',
    description: "An IANA time zone name; null: the time zone of my selected practice (else the first I joined), else UTC",
  })
  @IsDefined()
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  timeZone: string | null;
}
