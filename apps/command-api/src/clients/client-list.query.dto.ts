import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/keyset-page';

/** Filters of the client list, and the page (`limit`, `cursor`) every list takes. */
export class ClientListQueryDto extends PageQueryDto {
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

  @ApiPropertyOptional({ description: 'Search by prefix: clients one of whose words (first, last and legal names, email) starts with it, or where it runs on from such a word into the next ones ("grace hop"); case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
