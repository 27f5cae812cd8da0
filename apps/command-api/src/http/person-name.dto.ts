import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/**
 * A first and last name, both required: the one shape of a person's name in every request (a client,
 * a contact, a member, a legal name, a sign-up). Request DTOs with more fields extend it.
 */
export class PersonNameDto {
  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  firstName: string;

  @ApiProperty({ example: 'Lovelace', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  lastName: string;
}
