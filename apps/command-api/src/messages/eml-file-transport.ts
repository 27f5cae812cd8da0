import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { loadNodemailer } from './load-nodemailer';
import type { SendOutcome } from '@practice/domain';
import { mailOptions, type MessageTransport, type OutgoingMail } from './message-transport';

export const OUTBOX_DIR = 'outbox';

export interface EmlFile {
  readonly messageId: string;
  readonly file: string;
  readonly size: number;
  readonly writtenAt: string;
}

const UUID_EML = /^([0-9a-f-]{36})\.eml$/;

/**
 * The embedded default: each message is an RFC 5322 file `DATA_DIR/outbox/<message id>.eml` (a mail
 * client opens it), written to a temporary name and renamed (a reader never sees half a file), mode
 * 0600. The name is the message id: sending it again overwrites it.
 */
export class EmlFileTransport implements MessageTransport {
  readonly name = 'eml-files' as const;
  readonly dir: string;
  // nodemailer composes the message (MIME, encodings, headers) and hands it back instead of sending it.
  // Made with the first message: nodemailer is not loaded at start.
  private composerOf?: Transporter;
  private get composer(): Transporter {
    return (this.composerOf ??= loadNodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'windows' } as never));
  }

  // The directory is made with the first message, so a DATA_DIR that never sent one holds only its files.
  constructor(dataDir: string) {
    this.dir = join(dataDir, OUTBOX_DIR);
  }

  async send(mail: OutgoingMail): Promise<SendOutcome> {
    try {
      const info = (await this.composer.sendMail(mailOptions(mail))) as unknown as { message: Buffer };
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const file = join(this.dir, `${mail.messageId}.eml`);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, info.message, { mode: 0o600 });
      renameSync(temporary, file);
      return { kind: 'sent' };
    } catch (error) {
      return { kind: 'transient', reason: `${(error as NodeJS.ErrnoException).code ?? 'error'}: could not write the .eml file` };
    }
  }

  /** The files written, newest first. */
  list(): EmlFile[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((name) => ({ name, match: UUID_EML.exec(name) }))
      .filter((entry) => entry.match !== null)
      .map(({ name, match }) => {
        const stat = statSync(join(this.dir, name));
        return { messageId: match![1], file: name, size: stat.size, writtenAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => (a.writtenAt < b.writtenAt ? 1 : a.writtenAt > b.writtenAt ? -1 : a.messageId.localeCompare(b.messageId)));
  }

  read(messageId: string): string | undefined {
    if (!/^[0-9a-f-]{36}$/.test(messageId)) return undefined;
    try {
      return readFileSync(join(this.dir, `${messageId}.eml`), 'utf8');
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}
