import { defaultRetryPolicy } from '@practice/domain';
import type { EventStore } from '@practice/event-store';
import { eventCodec } from '@practice/events';
import type { ReadStore } from '@practice/read-store';
import { CommandRunner } from '../application/command-runner';
import type { AppConfig } from '../config';

/** What the outbox needs of a process's configuration (the API's, or the projector process's). */
export type MessagingSettings = Pick<AppConfig, 'dataDir' | 'tokenSecret' | 'messages'>;

import { EmlFileTransport } from './eml-file-transport';
import { MessageDispatcher } from './message-dispatcher';
import { MessageLinks } from './message-links';
import { MessageRenderer } from './message-renderer';
import type { MessageTransport } from './message-transport';
import { MessageWorkflowRunner, type ReadModelProgress } from './message-workflow-runner';
import { SmtpTransport } from './smtp-transport';

/** The transport configuration selects: SMTP when SMTP_URL is set, otherwise .eml files under DATA_DIR/outbox. */
export const createTransport = (config: MessagingSettings): MessageTransport =>
  config.messages.smtpUrl ? new SmtpTransport(config.messages.smtpUrl, config.messages.sendTimeoutMs) : new EmlFileTransport(config.dataDir);

export const messageLinks = (config: MessagingSettings): MessageLinks => new MessageLinks(config.tokenSecret, config.messages.publicUrl);

/**
 * The outbox at work in a process that runs the projector: the workflow subscription and the dispatcher
 * loop (every MESSAGES_POLL_MS, one round at a time).
 */
export class Messaging {
  readonly transport: MessageTransport;
  readonly workflows: MessageWorkflowRunner;
  readonly dispatcher: MessageDispatcher;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private lastError: string | undefined;

  constructor(
    events: EventStore,
    private readonly readStore: ReadStore,
    projector: ReadModelProgress,
    private readonly config: MessagingSettings,
    private readonly log: (message: string) => void,
    private readonly now: () => Date = () => new Date(),
    transport?: MessageTransport,
  ) {
    const runner = new CommandRunner(events, eventCodec);
    this.transport = transport ?? createTransport(config);
    const renderer = new MessageRenderer(readStore, messageLinks(config), config.messages.from, events);
    const policy = { ...defaultRetryPolicy, maxAttempts: config.messages.maxAttempts, baseDelayMs: config.messages.retryBaseMs };
    this.workflows = new MessageWorkflowRunner(events, readStore, projector, runner, now, log);
    this.dispatcher = new MessageDispatcher(readStore, runner, this.transport, renderer, now, { policy, sendTimeoutMs: config.messages.sendTimeoutMs });
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.workflows.start();
    this.schedule(0);
  }

  /** One dispatcher round now (and waits for it), e.g. for a test or an operator's retry. */
  async runOnce(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.dispatcher.tick().finally(() => (this.running = undefined));
    await this.running;
  }

  /** A round soon (an operator retried a message). */
  wake(): void {
    if (!this.stopped && this.running === undefined) this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    // One chain of rounds: a new schedule replaces a pending one.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runOnce()
        .then(() => (this.lastError = undefined))
        .catch((error: unknown) => {
          // The stores may be briefly unreachable: the next round tries again.
          this.lastError = error instanceof Error ? error.name : 'error';
          this.log(`message dispatcher round failed: ${this.lastError}`);
        })
        .finally(() => this.schedule(this.config.messages.pollMs));
    }, delay);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await this.running;
    await this.workflows.stop();
    await this.transport.close();
  }

  status(): { readonly transport: string; readonly workflows: ReturnType<MessageWorkflowRunner['status']>; readonly lastError?: string } {
    return { transport: this.transport.name, workflows: this.workflows.status(), ...(this.lastError ? { lastError: this.lastError } : {}) };
  }
}
