import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { badRequest, type FieldError, type ProblemException } from './problem';

const flatten = (errors: readonly ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

const validatorOptions: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
};

const validationFailed = (errors: readonly ValidationError[]): ProblemException =>
  badRequest('ValidationFailed', 'The request is not valid', flatten(errors));

/**
 * class-validator on every DTO: unknown fields are refused (not silently dropped), and every failing
 * field is named in the problem's `errors`.
 */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({ ...validatorOptions, transform: true, exceptionFactory: validationFailed });

/**
 * The same checks on a body the application built itself (the result of a merge patch), answered
 * the same way as a request body that fails them.
 */
export const validatedAs = <T extends object>(metatype: new () => T, plain: object): T => {
  const instance = plainToInstance(metatype, plain);
  const errors = validateSync(instance, validatorOptions);
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
};
