import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsEmailAddress } from '../http/email.decorator';
import { PersonNameDto } from '../http/person-name.dto';

export class CreateClientRequestDto extends PersonNameDto {
  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Needed only for reminders and the portal' })
  @IsOptional()
  @IsString()
  @IsEmailAddress()
  @MaxLength(320)
  email?: string | null;
}
