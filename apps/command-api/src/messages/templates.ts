import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageKind } from '@practice/events';

// Beside this file when run from source; from dist (tsc copies no assets) the source tree is five levels up.
const TEMPLATE_DIRS = [join(__dirname, 'templates'), join(__dirname, '../../../../../apps/command-api/src/messages/templates')];

const templateDir = (): string => {
  const found = TEMPLATE_DIRS.find((dir) => existsSync(join(dir, 'practice-invitation.txt')));
  if (found === undefined) throw new Error(`message templates not found in ${TEMPLATE_DIRS.join(' or ')}`);
  return found;
};

export interface RenderedParts {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const fill = (template: string, values: Readonly<Record<string, string>>, escape: (v: string) => string): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => escape(values[name] ?? ''));

const cache = new Map<MessageKind, { text: string; html: string }>();

/**
 * Templates are files: `templates/<kind>.txt` (its first line `Subject: …`, a blank line, the text part)
 * and `templates/<kind>.html`. `{{name}}` is replaced by a value (escaped in the HTML part).
 */
export const renderTemplate = (kind: MessageKind, values: Readonly<Record<string, string>>): RenderedParts => {
  let files = cache.get(kind);
  if (files === undefined) {
    const dir = templateDir();
    files = { text: readFileSync(join(dir, `${kind}.txt`), 'utf8'), html: readFileSync(join(dir, `${kind}.html`), 'utf8') };
    cache.set(kind, files);
  }
  const [first, ...rest] = files.text.split('\n');
  const subject = fill(first.replace(/^Subject:\s*/, ''), values, (v) => v.replace(/[\r\n]+/g, ' '));
  return { subject, text: fill(rest.join('\n').replace(/^\n/, ''), values, (v) => v), html: fill(files.html, values, escapeHtml) };
};
