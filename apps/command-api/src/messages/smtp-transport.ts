import type { Transporter } from 'nodemailer';
import { loadNodemailer } from './load-nodemailer';
import type { SendOutcome } from '@practice/domain';
import { mailOptions, type MessageTransport, type OutgoingMail } from './message-transport';

/** What an SMTP error means for the message: a 5xx reply is a refusal; anything else may pass later. */
export const classifySmtpError = (error: unknown): SendOutcome => {
  const { responseCode, code, message } = (error ?? {}) as { responseCode?: number; code?: string; message?: string };
  // The reason names the reply, never the message (it may name a client).
  const reason = `${code ?? 'error'}${responseCode === undefined ? '' : ` ${responseCode}`}: ${(message ?? String(error)).slice(0, 300)}`;
  return typeof responseCode === 'number' && responseCode >= 500 ? { kind: 'refused', reason } : { kind: 'transient', reason };
};

/**
 * SMTP through nodemailer. SMTP_URL forms: `smtp://host:25` (plain, STARTTLS when offered),
 * `smtp://user:pass@host:587` (STARTTLS and AUTH), `smtps://user:pass@host:465` (TLS from the start);
 * nodemailer's query options are accepted too (e.g. `?requireTLS=true`, `?tls.rejectUnauthorized=false` for a test server).
 */
export class SmtpTransport implements MessageTransport {
  readonly name = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(url: string, timeoutMs: number) {
    this.transporter = loadNodemailer().createTransport(url, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as never);
  }

  async send(mail: OutgoingMail): Promise<SendOutcome> {
    try {
      const info = await this.transporter.sendMail(mailOptions(mail));
      const rejected = (info.rejected ?? []).length > 0;
      return rejected ? { kind: 'refused', reason: `recipient refused: ${String(info.response ?? '').slice(0, 300)}` } : { kind: 'sent' };
    } catch (error) {
      return classifySmtpError(error);
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
