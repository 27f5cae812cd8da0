import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress } from '../http/email.decorator';
import { PersonNameDto } from '../http/person-name.dto';

export class SignUpRequestDto extends PersonNameDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @IsEmailAddress()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class SignInRequestDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class SignInWithSecondFactorRequestDto extends SignInRequestDto {
  @ApiProperty({ required: false, description: 'The 6-digit code of the authenticator app, when 2-step authentication is on' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'otp must be 6 digits' })
  otp?: string;

  @ApiProperty({ required: false, description: 'One of the recovery codes, instead of otp' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}
