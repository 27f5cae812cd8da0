import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEventStore } from '@practice/engines';
import { DomainError } from '@practice/domain';
import { loadConfig } from '../apps/command-api/src/config';
import { publishProductUpdate } from '../apps/command-api/src/messages/publish-product-update';

const USAGE = `usage: npm run product-update -- --subject TEXT --file update.md [--id UUID]

  Publishes a "Product Updates & Tips" email (ProductUpdatePublished on the stream productupdate-<id>) to the
  server's event log: DATA_DIR (embedded default) or EVENTSTORE_URL. The message workflows send it to every
  user with "Product Updates & Tips" on, one message per user. --id makes a re-run publish nothing twice.`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { subject: { type: 'string' }, file: { type: 'string' }, id: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.subject || !values.file) fail(USAGE);
  const body = readFileSync(values.file!, 'utf8');
  const events = await createEventStore(loadConfig({ LOG_LEVEL: 'silent', ...process.env }));
  try {
    const result = await publishProductUpdate(events, { updateId: values.id, subject: values.subject!, body });
    process.stdout.write(`product update ${result.updateId} published at log position ${result.position}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof DomainError ? `${error.code}: ${error.message}` : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await events.close();
  }
};

void main();
