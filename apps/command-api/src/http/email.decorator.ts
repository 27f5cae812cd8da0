import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';
import { hasLoneSurrogate } from '@practice/domain';

/** class-validator's isEmail, except that it cannot throw: on a lone surrogate it throws a URIError. */
export const isEmailText = (value: unknown): boolean => typeof value === 'string' && !hasLoneSurrogate(value) && isEmail(value);

/** The one email check of every request DTO (sign-up, clients, contacts, profile, invitations). */
export const IsEmailAddress = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isEmail', validator: { validate: isEmailText, defaultMessage: () => '$property must be an email' } }, options);
