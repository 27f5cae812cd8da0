import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { paymentMethods, type PaymentMethod } from '@practice/events';
import { IsOmittable } from '../http/optional.decorator';
import { ChartAnswerDto } from '../clients/clients.response.dto';
import { PageDto, UUID } from '../http/answer.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = { type: 'integer', minimum: 1, maximum: 100_000_000, description: 'Minor units (cents)' } as const;

export class PaymentApplicationDto {
  @ApiProperty({ format: 'uuid', description: "A charge of this chart (a charge's id is its appointment's id)" }) @IsUUID() chargeId: string;
  @ApiProperty(AMOUNT) @IsInt() @Min(1) @Max(100_000_000) amount: number;
}

export class RecordPaymentRequestDto {
  @ApiProperty({ ...AMOUNT, example: 15000 }) @IsInt() @Min(1) @Max(100_000_000) amount: number;
  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' }) currency: string;
  @ApiProperty({ enum: paymentMethods }) @IsIn(paymentMethods) method: PaymentMethod;
  @ApiProperty({ example: '2026-01-05', description: 'The day it was paid' }) @Matches(DATE, { message: 'date must be YYYY-MM-DD' }) date: string;
  @ApiPropertyOptional({ example: 'Visa 4242', description: 'Check number, card slip, ...' }) @IsOmittable() @IsString() @MinLength(1) @MaxLength(200) reference?: string;
  @ApiPropertyOptional({ type: [PaymentApplicationDto], description: 'Charges it pays; what is left unapplied is a credit' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PaymentApplicationDto)
  applications?: PaymentApplicationDto[];
}

export class RefundPaymentRequestDto {
  @ApiProperty({ ...AMOUNT, example: 5000 }) @IsInt() @Min(1) @Max(100_000_000) amount: number;
  @ApiProperty({ example: '2026-01-06' }) @Matches(DATE, { message: 'date must be YYYY-MM-DD' }) date: string;
}

export class PaymentAnswerDto extends ChartAnswerDto {
  @ApiProperty(UUID) paymentId: string;
}

export class RefundAnswerDto extends PaymentAnswerDto {
  @ApiProperty(UUID) refundId: string;
}

export class LedgerApplicationDto {
  @ApiProperty(UUID) chargeId: string;
  @ApiProperty({ type: 'integer' }) amount: number;
}

export class PaymentDto {
  @ApiProperty(UUID) paymentId: string;
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: paymentMethods }) method: string;
  @ApiProperty({ type: String, format: 'date' }) date: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ type: 'integer', description: 'Refunded so far' }) refunded: number;
  @ApiProperty({ type: [LedgerApplicationDto], description: 'What is applied now to each charge (refunds taken back)' }) applications: LedgerApplicationDto[];
}

export class PaymentsPageDto extends PageDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: String, nullable: true, description: "The ledger's currency" }) currency: string | null;
  @ApiProperty({ type: [PaymentDto], description: 'Newest first (date, then payment id)' }) items: PaymentDto[];
}
