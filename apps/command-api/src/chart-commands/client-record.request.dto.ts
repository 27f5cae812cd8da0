import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsEmailAddress } from '../http/email.decorator';
import { PersonNameDto } from '../http/person-name.dto';
import { IsOmittable } from '../http/optional.decorator';

export class EditClientProfileRequestDto extends PersonNameDto {
  @ApiPropertyOptional({ description: 'null or absent removes it' }) @IsOptional() @IsString() @IsEmailAddress() @MaxLength(320) email?: string | null;
  @ApiPropertyOptional({ example: '+1 415 555 0123', description: 'Stored as E.164' }) @IsOptional() @IsString() @MaxLength(40) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) gender?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string | null;
}

export class AddressDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) line1: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) line2?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) city?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) region?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) postalCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) country?: string | null;
}

export class EditClientOverviewRequestDto {
  @ApiPropertyOptional({ example: '1990-04-01' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be YYYY-MM-DD' }) dateOfBirth?: string | null;
  @ApiPropertyOptional({ type: AddressDto }) @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) occupation?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) employmentStatus?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) relationshipStatus?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) livingArrangement?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) diagnosis?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) symptoms?: string | null;
}

export class EditClientIdentityRequestDto {
  @ApiPropertyOptional({ example: 'they/them' }) @IsOptional() @IsString() @MaxLength(50) pronouns?: string | null;
  @ApiPropertyOptional({ enum: ['female', 'male', 'x', 'unknown'], description: 'As the payer has it on file' })
  @IsOptional()
  @IsIn(['female', 'male', 'x', 'unknown'])
  legalSex?: 'female' | 'male' | 'x' | 'unknown' | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) genderIdentity?: string | null;
}

/** One of the two: `fileId` (an image uploaded to this chart) or `photoRef` (an image kept elsewhere). */
export class SetClientPhotoRequestDto {
  @ApiPropertyOptional({ description: 'Reference of an image kept elsewhere (when no fileId is sent)' })
  @ValidateIf((body: SetClientPhotoRequestDto) => body.fileId === undefined || body.photoRef !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  photoRef?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An image (PNG, JPEG or HEIC) uploaded to this chart (POST /practices/{practiceId}/charts/{chartId}/files); the photo becomes its download path',
  })
  @ValidateIf((body: SetClientPhotoRequestDto) => body.fileId !== undefined)
  @IsUUID()
  fileId?: string;
}

export class TagClientRequestDto {
  @ApiProperty() @IsUUID() tagId: string;
}

export class ClientPortalAccessRequestDto {
  @ApiProperty() @IsBoolean() enabled: boolean;
}

export class MinorPortalAccessRequestDto {
  @ApiProperty({ enum: ['minor', 'guardian', 'both', 'neither'] })
  @IsIn(['minor', 'guardian', 'both', 'neither'])
  access: 'minor' | 'guardian' | 'both' | 'neither';
}

export class MemberSettingsRequestDto {
  @ApiProperty() @IsBoolean() receivesReminders: boolean;
  @ApiProperty() @IsBoolean() receivesSessionBridging: boolean;
  @ApiProperty() @IsBoolean() groupPortalAccess: boolean;
}

export class DesignateMemberRequestDto {
  @ApiProperty() @IsUUID() clientId: string;
}

export class ContactRolesRequestDto {
  @ApiProperty() @IsBoolean() billing: boolean;
  @ApiProperty() @IsBoolean() signsDocuments: boolean;
  @ApiProperty() @IsBoolean() receivesReminders: boolean;
  @ApiProperty() @IsBoolean() viewsUpcomingAppointments: boolean;
}

export class BookAppointmentRequestDto {
  @ApiProperty({ example: '2030-01-01T10:00:00Z' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)(Z|[+-]\d{2}:\d{2})$/, { message: 'start must be an ISO-8601 date-time with offset' })
  start: string;
  @ApiProperty({ example: 50 }) @IsInt() @Min(5) @Max(720) durationMinutes: number;
  @ApiProperty() @IsUUID() practitionerId: string;
  @ApiPropertyOptional({ format: 'uuid', description: "A service of the catalogue; default: the client's default service" })
  @IsOmittable()
  @IsUUID()
  serviceId?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100_000_000, description: "The fee in minor units of the service's currency; default: the service's rate" })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  fee?: number;
}
