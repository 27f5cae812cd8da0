import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CommandAnswerDto, PageDto, UUID } from '../http/answer.dto';
import { MoneyDto } from './money.dto';

export class ServiceRequestDto {
  @ApiProperty({ example: 'Psychotherapy, 60 min' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: '90837', pattern: '^[0-9A-Za-z]{5}$', description: 'CPT or HCPCS code: 5 characters' })
  @Matches(/^[0-9A-Za-z]{5}$/, { message: 'code must be a 5-character CPT or HCPCS code' })
  code: string;
  @ApiProperty({ example: 60 }) @IsInt() @Min(5) @Max(720) durationMinutes: number;
  @ApiProperty({ type: MoneyDto }) @ValidateNested() @Type(() => MoneyDto) rate: MoneyDto;
}

export class ServiceAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) serviceId: string;
}

export class ServiceDto {
  @ApiProperty(UUID) serviceId: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: 'integer' }) durationMinutes: number;
  @ApiProperty({ type: MoneyDto }) rate: MoneyDto;
  @ApiProperty() retired: boolean;
}

export class ServicesPageDto extends PageDto {
  @ApiProperty({ type: [ServiceDto] }) items: ServiceDto[];
}
