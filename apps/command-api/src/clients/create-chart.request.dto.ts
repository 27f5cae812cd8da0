import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsEmailAddress } from '../http/email.decorator';
import { ExactlyOneOf } from '../http/one-of.decorator';
import { PersonNameDto } from '../http/person-name.dto';

export class NewPersonDto extends PersonNameDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsEmailAddress() @MaxLength(320) email?: string | null;
}

export class NewContactDto extends NewPersonDto {
  @ApiPropertyOptional({ example: '+1 415 555 0123' }) @IsOptional() @IsString() @MaxLength(40) phone?: string | null;
}

/** A contact of a chart: exactly one of `new`, `contactId` (an existing contact) or `clientId` (an existing client). */
@ExactlyOneOf('new', 'contactId', 'clientId')
export class ChartContactLinkDto {
  @ApiPropertyOptional({ type: NewContactDto }) @IsOptional() @ValidateNested() @Type(() => NewContactDto) new?: NewContactDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clientId?: string;
  @ApiPropertyOptional({ example: 'mother' }) @IsOptional() @IsString() @MaxLength(100) relationship?: string | null;
  @ApiPropertyOptional({ description: 'Receives billing documents' }) @IsOptional() @IsBoolean() billing?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() receivesReminders?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() signsDocuments?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() viewsUpcomingAppointments?: boolean;
}

export class CreateMinorClientRequestDto extends NewPersonDto {
  @ApiProperty({ type: [ChartContactLinkDto], description: 'At least one parent or guardian' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChartContactLinkDto)
  contacts: ChartContactLinkDto[];

  @ApiPropertyOptional({ enum: ['minor', 'guardian', 'both', 'neither'], default: 'neither' })
  @IsOptional()
  @IsIn(['minor', 'guardian', 'both', 'neither'])
  portalAccess?: 'minor' | 'guardian' | 'both' | 'neither';
}

/** A member of a group chart: exactly one of `new` or `clientId`. */
@ExactlyOneOf('new', 'clientId')
export class GroupMemberDto {
  @ApiPropertyOptional({ type: NewPersonDto }) @IsOptional() @ValidateNested() @Type(() => NewPersonDto) new?: NewPersonDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clientId?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() receivesReminders?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() receivesSessionBridging?: boolean;
  @ApiPropertyOptional({ default: false, description: "Access to the group chart's portal" })
  @IsOptional()
  @IsBoolean()
  groupPortalAccess?: boolean;
  @ApiPropertyOptional({ description: 'Whose insurance is used' }) @IsOptional() @IsBoolean() identifiedPatient?: boolean;
  @ApiPropertyOptional({ description: 'Who is billed' }) @IsOptional() @IsBoolean() billingContact?: boolean;
}

export class CreateGroupChartRequestDto {
  @ApiProperty({ enum: ['couple', 'family', 'conjoint'] }) @IsIn(['couple', 'family', 'conjoint']) kind: 'couple' | 'family' | 'conjoint';
  @ApiProperty({ example: 'The Smiths' }) @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiProperty({ type: [GroupMemberDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GroupMemberDto)
  members: GroupMemberDto[];
}
