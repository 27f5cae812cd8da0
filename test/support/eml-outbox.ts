import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './test-app';

/** Every .eml file the embedded transport wrote under DATA_DIR/outbox (SMTP_URL unset). */
export const outboxEmls = (app: TestApp): string[] => {
  const dir = join(app.dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => readFileSync(join(dir, name), 'utf8'));
};

/** The .eml files under DATA_DIR/outbox written to `address`. */
export const emlTo = (app: TestApp, address: string): string[] =>
  outboxEmls(app).filter((eml) => new RegExp(`^To: ${address.replace(/[.]/g, '\\.')}\\r?$`, 'm').test(eml));
