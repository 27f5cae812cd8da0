import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, startProcess, waitForHttp, type RunningProcess } from '../support/processes';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'examples', 'walkthrough.sh');

/** Runs the walkthrough script the way a user does (bash, curl, and the project's node on PATH). */
const runScript = (baseUrl: string): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const child = spawn('bash', [SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, BASE_URL: baseUrl, PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });

// -------------------------------------------------------------------------------------------------
// The request collection: a small runner of the REST Client subset the file uses
// -------------------------------------------------------------------------------------------------

interface HttpRequest {
  readonly title: string;
  readonly name?: string;
  readonly expect: number;
  readonly method: string;
  readonly url: string;
  readonly headers: readonly [string, string][];
  readonly body?: string;
}

const parseCollection = (text: string): { variables: Map<string, string>; requests: HttpRequest[] } => {
  const [preamble, ...blocks] = text.split(/^###/m);
  const variables = new Map<string, string>();
  for (const line of preamble.split('\n')) {
    const match = /^@(\w+)\s*=\s*(.*)$/.exec(line.trim());
    if (match) variables.set(match[1], match[2]);
  }
  const requests = blocks.map((block) => {
    const lines = block.split('\n');
    const title = lines[0].trim();
    let name: string | undefined;
    let expected = NaN;
    let index = 1;
    for (; index < lines.length && (lines[index].startsWith('#') || lines[index].trim() === ''); index += 1) {
      const named = /^# @name (\w+)/.exec(lines[index]);
      const expecting = /^# expect (\d{3})/.exec(lines[index]);
      if (named) name = named[1];
      if (expecting) expected = Number(expecting[1]);
    }
    const [method, url] = lines[index].trim().split(/\s+/);
    const headers: [string, string][] = [];
    for (index += 1; index < lines.length && lines[index].trim() !== ''; index += 1) {
      const at = lines[index].indexOf(':');
      headers.push([lines[index].slice(0, at).trim(), lines[index].slice(at + 1).trim()]);
    }
    const text = lines.slice(index).join('\n').trim();
    // REST Client sends a multipart/form-data body with CRLF line ends, ending in one (RFC 7578).
    const multipart = headers.some(([header, value]) => header.toLowerCase() === 'content-type' && value.toLowerCase().startsWith('multipart/form-data'));
    const body = multipart && text ? `${text.split('\n').join('\r\n')}\r\n` : text;
    return { title, name, expect: expected, method, url, headers, ...(body ? { body } : {}) };
  });
  return { variables, requests };
};

const runCollection = async (text: string, base: string): Promise<{ title: string; expected: number; status: number }[]> => {
  const { variables, requests } = parseCollection(text);
  variables.set('base', base);
  const answers = new Map<string, { body: unknown; headers: Headers }>();
  const resolve = (value: string): string =>
    value.replace(/\{\{([^}]+)\}\}/g, (_, expression: string) => {
      if (expression === '$timestamp') return String(Date.now());
      const reference = /^(\w+)\.response\.(body\.\$|headers)\.(.+)$/.exec(expression);
      if (reference) {
        const answer = answers.get(reference[1]);
        if (!answer) throw new Error(`no answer named ${reference[1]}`);
        if (reference[2] === 'headers') return answer.headers.get(reference[3]) ?? '';
        return String(reference[3].split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], answer.body));
      }
      if (!variables.has(expression)) throw new Error(`unknown variable ${expression}`);
      return resolve(variables.get(expression)!);
    });
  // File variables are resolved once, as REST Client does (one timestamp for the whole run).
  for (const [key, value] of variables) variables.set(key, resolve(value));
  const results: { title: string; expected: number; status: number }[] = [];
  for (const request of requests) {
    const response = await fetch(resolve(request.url), {
      method: request.method,
      headers: request.headers.map(([name, value]) => [name, resolve(value)] as [string, string]),
      ...(request.body ? { body: resolve(request.body) } : {}),
    });
    const text = await response.text();
    if (request.name) answers.set(request.name, { body: text ? JSON.parse(text) : null, headers: response.headers });
    results.push({ title: request.title, expected: request.expect, status: response.status });
  }
  return results;
};

// -------------------------------------------------------------------------------------------------

describe('the README walkthroughs (examples/)', () => {
  jest.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'walkthrough-'));
  let app: RunningProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = startProcess('apps/command-api/src/main.ts', { PORT: String(port), DATA_DIR: dataDir });
    await waitForHttp(`${base}/health`, app);
  });

  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('examples/walkthrough.sh runs top to bottom against the started app, and again on the same data', async () => {
    const first = await runScript(base);
    expect(first.output).toContain('walkthrough: every answer as expected');
    expect(first.code).toBe(0);
    const again = await runScript(base);
    expect(again.code).toBe(0);
  });

  it('fails loudly (non-zero) when an answer is not the expected one', async () => {
    const closed = await runScript(`http://127.0.0.1:${await freePort()}`);
    expect(closed.code).not.toBe(0);
    expect(closed.output).toMatch(/^FAIL POST \/auth\/sign-up/m);
  });

  it('the README shows the commands of the script, line for line', () => {
    const scriptLines = new Set(readFileSync(SCRIPT, 'utf8').split('\n').map((line) => line.trim()));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // A walkthrough may be a subsection of a feature's section (`#### Walkthrough: notes`).
    const sections = readme.split(/^#{2,4} /m).filter((section) => section.startsWith('Walkthrough'));
    expect(sections.length).toBeGreaterThanOrEqual(5);
    const shown = sections.flatMap((section) => [...section.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((block) => block[1].split('\n')));
    const commands = shown.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('npm run walkthrough') && !line.startsWith('# OpenAPI'));
    expect(commands.filter((line) => line.startsWith('call ')).length).toBeGreaterThan(30);
    expect(commands.filter((line) => !scriptLines.has(line))).toEqual([]);
  });

  it('examples/practice-core.http: every request gets the status it expects', async () => {
    const results = await runCollection(readFileSync(join(ROOT, 'examples', 'practice-core.http'), 'utf8'), base);
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter((result) => result.status !== result.expected)).toEqual([]);
  });
});
