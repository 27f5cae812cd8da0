import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { badRequest, ProblemException, type FieldError } from './problem';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { isCheckedJsonBody } from './checked-json-body';

type Location = NonNullable<FieldError['in']>;

const flatten = (errors: readonly ValidationError[], where: Location = 'body', prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, in: where, message }));
    return [...own, ...flatten(error.children ?? [], where, field)];
  });

const LOCATION_OF: Readonly<Partial<Record<ArgumentMetadata['type'], Location>>> = { body: 'body', query: 'query', param: 'path' };

const validatorOptions: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
};

const validationFailed = (errors: readonly ValidationError[], where: Location = 'body'): ProblemException => {
  const fields = flatten(errors, where);
  return badRequest('ValidationFailed', `${fields.length} field${fields.length === 1 ? ' is' : 's are'} not valid`, fields);
};

/** The global pipe: a query or path parameter is named as a parameter, a body field by its JSON Pointer. */
class ProblemValidationPipe extends ValidationPipe {
  // A body parsed and checked by the pipeline has neither prototype keys nor array gaps (see
  // checked-json-body.ts): the two walks that remove them would find nothing.
  protected override stripProtoKeys(value: unknown): void {
    if (!isCheckedJsonBody(value)) super.stripProtoKeys(value);
  }

  protected override closeArrayGaps(value: unknown): void {
    if (!isCheckedJsonBody(value)) super.closeArrayGaps(value);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const where = LOCATION_OF[metadata.type] ?? 'body';
    if (where === 'body') return super.transform(value, metadata);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ProblemException) || !error.problem.errors) throw error;
      throw badRequest('ValidationFailed', error.problem.detail ?? 'The request is not valid', error.problem.errors.map((e) => ({ field: e.field, in: where, message: e.message })));
    }
  }
}

/**
 * class-validator on every DTO: unknown fields are refused (not silently dropped), and every failing
 * field is named in the problem's `errors`.
 */
export const validationPipe = (): ValidationPipe => {
  cacheValidationMetadata();
  return new ProblemValidationPipe({ ...validatorOptions, transform: true, exceptionFactory: (errors) => validationFailed(errors) });
};

/**
 * The same checks on a body the application built itself (the result of a merge patch), answered
 * the same way as a request body that fails them.
 */
export const validatedAs = <T extends object>(metatype: new () => T, plain: object): T => {
  cacheValidationMetadata();
  const instance = plainToInstance(metatype, plain);
  const errors = validateSync(instance, validatorOptions);
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
};
