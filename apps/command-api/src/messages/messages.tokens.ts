import type { EmlFileTransport } from './eml-file-transport';
import type { MessageLinks } from './message-links';

export const MESSAGING = Symbol('MESSAGING');

/** What the HTTP side needs of the outbox. */
export interface MessagingHandle {
  /** The .eml transport when SMTP_URL is unset (the development endpoint lists its files). */
  readonly emlFiles: EmlFileTransport | undefined;
  readonly links: MessageLinks;
  /** Starts a dispatcher round soon (after an operator's retry); nothing when this process runs none. */
  wake(): void;
}
