/**
 * The media ranges an `Accept` header accepts, in its order, lower case and without parameters:
 * a range with `q=0` is one the client refuses (RFC 9110 section 12.5.1), so it is left out.
 */
export const acceptedTypes = (accept: string | undefined): string[] =>
  (accept ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase().split(';'))
    .filter(([, ...params]) => !params.some((param) => /^\s*q\s*=\s*0(\.0{0,3})?\s*$/.test(param)))
    .map(([range]) => range.trim())
    .filter((range) => range !== '');
