import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreatePracticeRequestDto {
  @ApiProperty({ example: 'Calm Minds Therapy' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}
