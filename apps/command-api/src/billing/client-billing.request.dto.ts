import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { billTos, insuranceRanks, payers, subscriberRelationships, type BillTo, type InsuranceRank, type Payer, type SubscriberRelationship } from '@practice/events';
import { IsOmittable } from '../http/optional.decorator';
import { PersonNameDto } from '../http/person-name.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The wizard's Billing Settings and Default Service steps: the whole settings of a chart. */
export class BillingSettingsRequestDto {
  @ApiProperty({ enum: payers }) @IsIn(payers) payer: Payer;
  @ApiPropertyOptional({ format: 'uuid', description: "A service of the catalogue, not retired; null or left out: none" })
  @IsOptional()
  @IsUUID()
  defaultServiceId?: string | null;
  @ApiProperty({ enum: billTos, description: 'individual: client; minor: contact (billingContactId); group: group-billing-contact' })
  @IsIn(billTos)
  billTo: BillTo;
  @ApiPropertyOptional({ format: 'uuid', description: "With billTo contact: a contact linked to the minor's chart with the billing role (a Billing Contact)" })
  @IsOptional()
  @IsUUID()
  billingContactId?: string | null;
}

/** An insurance policy; PUT gives every required field, PATCH any of them (null clears an optional one). */
export class InsurancePolicyRequestDto {
  @ApiProperty({ enum: insuranceRanks }) @IsIn(insuranceRanks) rank: InsuranceRank;
  @ApiProperty({ example: 'Aetna' }) @IsString() @MinLength(1) @MaxLength(200) payerName: string;
  @ApiProperty({ example: '60054', description: "The payer's id (electronic payer id)" }) @IsString() @MinLength(1) @MaxLength(50) payerId: string;
  @ApiProperty({ example: 'W123456789' }) @IsString() @MinLength(1) @MaxLength(50) memberId: string;
  @ApiPropertyOptional({ example: 'G-100' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) groupNumber?: string | null;
  @ApiProperty({ enum: subscriberRelationships }) @IsIn(subscriberRelationships) subscriberRelationship: SubscriberRelationship;
  // Required unless the subscriber is the client (self).
  @ApiPropertyOptional({ type: PersonNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonNameDto)
  subscriberName?: PersonNameDto | null;
  @ApiPropertyOptional({ example: '1980-03-04', description: 'Required unless the subscriber is the client (self)' })
  @IsOptional()
  @Matches(DATE, { message: 'subscriberDateOfBirth must be YYYY-MM-DD' })
  subscriberDateOfBirth?: string | null;
  @ApiProperty({ example: '2024-01-01' }) @Matches(DATE, { message: 'effectiveFrom must be YYYY-MM-DD' }) effectiveFrom: string;
  @ApiPropertyOptional({ example: '2024-12-31', description: 'null or left out: open-ended' })
  @IsOptional()
  @Matches(DATE, { message: 'effectiveTo must be YYYY-MM-DD' })
  effectiveTo?: string | null;
}

export class InsurancePolicyPatchDto {
  @ApiPropertyOptional({ enum: insuranceRanks }) @IsOmittable() @IsIn(insuranceRanks) rank?: InsuranceRank;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(200) payerName?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(50) payerId?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(50) memberId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(50) groupNumber?: string | null;
  @ApiPropertyOptional({ enum: subscriberRelationships }) @IsOmittable() @IsIn(subscriberRelationships) subscriberRelationship?: SubscriberRelationship;
  @ApiPropertyOptional({ type: PersonNameDto }) @IsOptional() @ValidateNested() @Type(() => PersonNameDto) subscriberName?: PersonNameDto | null;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: 'subscriberDateOfBirth must be YYYY-MM-DD' }) subscriberDateOfBirth?: string | null;
  @ApiPropertyOptional() @IsOmittable() @Matches(DATE, { message: 'effectiveFrom must be YYYY-MM-DD' }) effectiveFrom?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: 'effectiveTo must be YYYY-MM-DD' }) effectiveTo?: string | null;
}
