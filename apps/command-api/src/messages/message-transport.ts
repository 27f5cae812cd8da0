import type { SendOutcome } from '@practice/domain';

/** A message as it leaves: rendered, addressed, with a Message-ID derived from the outbox id. */
export interface OutgoingMail {
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * The message transport port. Adapters: SMTP (nodemailer, when SMTP_URL is set) and .eml files under
 * DATA_DIR/outbox (the embedded default). `send` never throws: it answers what happened.
 */
export interface MessageTransport {
  readonly name: 'smtp' | 'eml-files';
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): Promise<void>;
}

/** The RFC 5322 Message-ID of an outbox message: the same on every attempt, so a receiver can tell a resend. */
export const rfcMessageId = (messageId: string): string => `<${messageId}@practice-core>`;

/** What both adapters hand nodemailer: the addresses, the subject, both bodies and the Message-ID. */
export const mailOptions = (mail: OutgoingMail) => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  messageId: rfcMessageId(mail.messageId),
});
