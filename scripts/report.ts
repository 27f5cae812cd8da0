import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { exportDatasetNames } from '../apps/command-api/src/exports/export-dataset-names';
import { remoteApi, type ApiTarget } from './report/api-target';
import { ApiProblem, exportToFile, reportToFile } from './report/export-to-file';

const USAGE = `usage: npm run report -- <name> --practice <id> --out FILE [--format csv|ndjson] [--from ISO] [--to ISO]
                         [--granularity day|week|month] [--api URL] [--token TOKEN]

  <name>     a dataset export (${exportDatasetNames.join(', ')}) or a report of /practices/{id}/reports/{name}
  --format   a dataset: csv (default) or ndjson; a report: CSV with csv, JSON otherwise
  --token    a bearer token of POST /auth/sign-in (or REPORT_TOKEN); the export is the token user's, with
             the role rules of the API, and is recorded for auditors like any other
  --api      a running API (or REPORT_API_URL); without it the core starts in this process from the server's
             configuration: DATA_DIR (embedded default) or MONGODB_URL + EVENTSTORE_URL (and their secrets)`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const main = async (): Promise<void> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      practice: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      granularity: { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const [name] = positionals;
  const token = values.token ?? process.env.REPORT_TOKEN;
  if (!name || !values.practice || !values.out) fail(USAGE);
  if (values.format !== undefined && values.format !== 'csv' && values.format !== 'ndjson') fail('--format must be csv or ndjson');
  if (!token) fail('a token is needed: --token or REPORT_TOKEN (POST /auth/sign-in answers one)');
  const apiUrl = values.api ?? process.env.REPORT_API_URL;
  // The core is loaded only when it runs in this process: against a running API the CLI stays small.
  const target: ApiTarget = apiUrl ? remoteApi(apiUrl) : await (await import('./report/in-process-api')).inProcessApi();
  // The bar goes to stderr and only to a terminal: a job's log and the output file stay clean.
  const bar = new SingleBar({ stream: process.stderr, format: '{bar} {percentage}% | {value}/{total} rows | {dataset}', hideCursor: true }, Presets.shades_classic);
  let started = false;
  try {
    const job = { baseUrl: target.baseUrl, token: token!, practiceId: values.practice!, format: (values.format ?? 'csv') as 'csv' | 'ndjson', out: values.out!, from: values.from, to: values.to };
    if (exportDatasetNames.includes(name)) {
      const result = await exportToFile({
        ...job,
        dataset: name,
        progress: (rows, total) => {
          const size = Math.max(total ?? rows, rows);
          if (!started) bar.start(size, rows, { dataset: name });
          started = true;
          bar.setTotal(size);
          bar.update(rows);
        },
      });
      if (started) bar.stop();
      process.stdout.write(`${name}: ${result.rows} rows at log position ${result.position} -> ${values.out} (export ${result.exportId})\n`);
    } else {
      // A report is written as the API answers it: CSV with --format csv, JSON otherwise (a dataset defaults to CSV).
      await reportToFile({ ...job, format: values.format === 'csv' ? 'csv' : 'ndjson', name, granularity: values.granularity });
      process.stdout.write(`${name} -> ${values.out}\n`);
    }
  } catch (error) {
    if (started) bar.stop();
    process.stderr.write(`${error instanceof ApiProblem ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await target.close();
  }
};

void main();
