/**
 * A broken domain rule. `code` is stable (clients branch on it); `kind` says what sort of refusal it is,
 * and the one exception filter of the API maps kinds to HTTP statuses. No HTTP knowledge here.
 */
export type DomainErrorKind =
  | 'invalid' // the request is well-formed but a value breaks a rule (422)
  | 'not_found' // the thing does not exist, or is not visible to the caller (404)
  | 'conflict' // the current state does not allow it (409)
  | 'forbidden'; // the caller may not do it (403)

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const invalid = (code: string, field: string, message: string): DomainError =>
  new DomainError(code, 'invalid', message, [{ field, message }]);
