import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchedDestination } from './log-destination';
import { createLogger } from './logger';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('batchedDestination', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'log-destination-'));
    file = join(dir, 'out.log');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const written = (): string => readFileSync(file, 'utf8');

  it('writes the lines of one turn together at its end, in the order they were logged', async () => {
    const destination = batchedDestination(file);
    destination.write('one\n');
    destination.write('two\n');
    expect(written()).toBe('');
    await nextTurn();
    expect(written()).toBe('one\ntwo\n');
    destination.write('three\n');
    await nextTurn();
    expect(written()).toBe('one\ntwo\nthree\n');
  });

  it('writes at once when flushed, and early once a turn holds 16 KiB', async () => {
    const destination = batchedDestination(file);
    destination.write('held\n');
    destination.flush();
    expect(written()).toBe('held\n');
    const long = `${'x'.repeat(16 * 1024)}\n`;
    destination.write(long);
    expect(written()).toBe(`held\n${long}`);
  });

  it('is one destination per target, shared by every logger of the process', async () => {
    expect(batchedDestination(file)).toBe(batchedDestination(file));
    const first = createLogger('info', batchedDestination(file));
    const second = createLogger('info', batchedDestination(file));
    first.info('a');
    second.info('b');
    first.info('c');
    await nextTurn();
    expect(written().trim().split('\n').map((line) => JSON.parse(line).msg)).toEqual(['a', 'b', 'c']);
  });
});
