import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Replaying history must give the same state every time: the pure libs never read a clock or make an
 * id or a random number (time and ids come in with the command). dependency-cruiser keeps their
 * imports pure; this keeps the calls out.
 */
const ROOT = join(__dirname, '..', '..');
const PURE_DIRS = ['libs/domain/src', 'libs/events/src'];
const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(\s*\)/, 'new Date() without an argument'],
  [/\brandomUUID\s*\(/, 'randomUUID()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bprocess\.(env|hrtime)\b/, 'process state'],
];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });

describe('The pure libs', () => {
  const files = PURE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('never read a clock, make an id or a random number', () => {
    const offences = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          FORBIDDEN.filter(([pattern]) => pattern.test(line)).map(([, what]) => `${relative(ROOT, file)}:${index + 1} ${what}`),
        ),
    );
    expect(offences).toEqual([]);
  });
});
