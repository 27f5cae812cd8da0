import 'reflect-metadata';

const ONE_OF = 'practice-core:oneOfRequired';

/**
 * A request DTO whose fields name alternatives: exactly one of them must be given (checked where the
 * DTO becomes a command, e.g. chart-refs.ts). The OpenAPI document says so with a `oneOf`.
 */
export const ExactlyOneOf =
  (...fields: string[]): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(ONE_OF, fields, target);

export const exactlyOneOfFields = (target: Function): readonly string[] | undefined => Reflect.getMetadata(ONE_OF, target);
