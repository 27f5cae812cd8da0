import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every `code` a problem answer can carry, as the code base raises them: domain errors
 * (`new DomainError('X'`, `invalid('X'`), problems the HTTP layer builds (`problem(400, 'X'`,
 * `badRequest('X'`), the codes of errors the filter maps (`readonly code = 'X'`) and of its
 * generic statuses. It reads the sources (or the compiled files) once. Until a catalogue of problem
 * types exists this list is the `code` enum of the OpenAPI Problem schema.
 */
const PATTERNS = [
  /new DomainError\(\s*'([A-Za-z]+)'/g,
  /\binvalid\(\s*'([A-Za-z]+)'/g,
  /\bproblem\(\s*\d{3},\s*'([A-Za-z]+)'/g,
  /\bbadRequest\(\s*'([A-Za-z]+)'/g,
  /\bunknownReference\(\s*'([A-Za-z]+)'/g,
  /readonly code = '([A-Za-z]+)'/g,
];

// The filter's codes for framework statuses (CODE_OF_STATUS in problem-details.filter.ts).
const GENERIC = ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'MethodNotAllowed', 'Conflict', 'PayloadTooLarge', 'UnsupportedMediaType', 'TooManyRequests', 'InternalError'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) && !/\.(spec|d)\.(ts|js)$/.test(entry.name) ? [path] : [];
  });

let codes: string[] | undefined;

export const problemCodes = (): string[] => {
  if (codes) return codes;
  const root = resolve(__dirname, '../../../..');
  const found = new Set(GENERIC);
  for (const file of [...sourceFiles(join(root, 'libs')), ...sourceFiles(join(root, 'apps'))]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) for (const match of text.matchAll(pattern)) found.add(match[1]);
  }
  return (codes = [...found].sort());
};
