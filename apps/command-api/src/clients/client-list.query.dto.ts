import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ClientListQueryDto {
  @ApiPropertyOptional({ enum: ['Active', 'Pending', 'Inactive'] })
  @IsOptional()
  @IsIn(['Active', 'Pending', 'Inactive'])
  status?: 'Active' | 'Pending' | 'Inactive';

  @ApiPropertyOptional({ enum: ['individual', 'minor', 'group'] })
  @IsOptional()
  @IsIn(['individual', 'minor', 'group'])
  kind?: 'individual' | 'minor' | 'group';

  @ApiPropertyOptional({ description: 'A tag id of the practice' })
  @IsOptional()
  @IsUUID()
  tag?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only clients whose setup is (not) complete' })
  @IsOptional()
  @IsIn(['true', 'false'])
  incomplete?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Text search on names, legal names and email' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}
