import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out, but is never `null`. class-validator's `@IsOptional()` skips `null`
 * too, so a `null` boolean would pass the request check and only fail the event schema at append.
 * Use `@IsOptional()` only where `null` means something (e.g. "clear it").
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
