import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateClientRequestDto {
  @ApiProperty({ example: 'Ada' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  firstName: string;

  @ApiProperty({ example: 'Lovelace' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  lastName: string;

  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Needed only for reminders and the portal' })
  @IsOptional()
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;
}

export class SetLegalNameRequestDto {
  @ApiProperty({ example: 'Augusta' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  firstName: string;

  @ApiProperty({ example: 'King' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  lastName: string;
}
