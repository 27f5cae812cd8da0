import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SignUpRequestDto } from '../auth/sign-up.request.dto';
import { CreateClientRequestDto } from '../clients/create-client.request.dto';
import { EditClientProfileRequestDto } from '../chart-commands/client-record.request.dto';
import { NewContactDto } from '../clients/create-chart.request.dto';
import { ChangeEmailRequestDto } from '../me/profile.request.dto';
import { InviteMemberRequestDto } from '../practices/practice-settings.request.dto';
import { isEmailText } from './email.decorator';

describe('the email check of request DTOs', () => {
  it.each(['ada@example.com', 'Ada.King@example.org'])('accepts %p', (email) => expect(isEmailText(email)).toBe(true));
  it.each(['\ud800', 'a\ud800@example.com', 'nope', 42, null])('refuses %p without throwing', (email) => expect(isEmailText(email)).toBe(false));

  it.each([
    ['sign-up', SignUpRequestDto, { password: 'correct horse battery', firstName: 'A', lastName: 'B' }],
    ['create client', CreateClientRequestDto, { firstName: 'A', lastName: 'B' }],
    ['client profile', EditClientProfileRequestDto, { firstName: 'A', lastName: 'B' }],
    ['contact', NewContactDto, { firstName: 'A', lastName: 'B' }],
    ['my email', ChangeEmailRequestDto, {}],
    ['invitation', InviteMemberRequestDto, { role: 'clinician' }],
  ])('%s: a lone surrogate is a validation error on email, not an exception', async (_, dto, rest) => {
    const errors = await validate(plainToInstance(dto as new () => object, { ...rest, email: '\ud800' }));
    expect(errors.map((error) => error.property)).toEqual(['email']);
  });
});
