import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonNameDto } from '../http/person-name.dto';

export class CreateClientRequestDto extends PersonNameDto {
  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Needed only for reminders and the portal' })
  @IsOptional()
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;
}
