import { Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { commandEnvelope, type CommandEnvelope } from '../application/command-envelope';
import { StreamCommand, type Aggregate, type GenericCommand, type StreamCommandResult } from '../application/stream-command';
import { commandAnswer, type HttpAnswer } from './command-answer';
import type { RequestContext } from './request-context';

interface EnvelopeOptions {
  /** The practice the command is recorded under, when it is not the one in the path. */
  readonly practiceId?: string | null;
}

interface SendOptions extends EnvelopeOptions {
  /** For a creating command: the URL of what it created. */
  readonly location?: string;
}

/**
 * The one way a route sends a command: the envelope from the request context (actor, practice,
 * Idempotency-Key, correlation id), the command on the bus, the result as a typed answer whose
 * headers the preSerialization hook writes (answer-headers.interceptor.ts).
 */
@Injectable()
export class CommandSender {
  constructor(private readonly commandBus: CommandBus) {}

  envelope(context: RequestContext, commandType: string, options: EnvelopeOptions = {}): CommandEnvelope {
    const { actorUserId, idempotencyKey, correlationId } = context;
    const practiceId = options.practiceId === undefined ? context.practiceId : options.practiceId;
    return commandEnvelope({ commandType, actorUserId, practiceId, idempotencyKey, correlationId });
  }

  /** One command of the generic path's allow-list on the stream `<aggregate>-<id>`, with If-Match. */
  change<K extends Aggregate, C extends GenericCommand<K>, TBody extends object>(
    context: RequestContext,
    aggregate: K,
    id: string,
    command: C,
    body: TBody | ((command: C, result: StreamCommandResult) => TBody),
    options: SendOptions = {},
  ): Promise<HttpAnswer<TBody & { position: number }>> {
    return this.changeWith(context, aggregate, id, command.type as C['type'], () => command, body, options);
  }

  /** The same, for a command built from its envelope (the time it was accepted, ids made for it). */
  async changeWith<K extends Aggregate, C extends GenericCommand<K>, TBody extends object>(
    context: RequestContext,
    aggregate: K,
    /** The id of the stream, or how to find it in the command (an id the command made). */
    id: string | ((command: C) => string),
    commandType: C['type'],
    build: (envelope: CommandEnvelope) => C,
    body: TBody | ((command: C, result: StreamCommandResult) => TBody),
    options: SendOptions = {},
  ): Promise<HttpAnswer<TBody & { position: number }>> {
    const envelope = this.envelope(context, commandType, options);
    const command = build(envelope);
    const result: StreamCommandResult = await this.commandBus.execute(new StreamCommand(envelope, aggregate, typeof id === 'function' ? id(command) : id, command, context.ifMatch));
    const answerBody = typeof body === 'function' ? body(command, result) : body;
    return commandAnswer(result, answerBody, options.location);
  }

  /** A command with its own handler (lookups, several streams): its result becomes the answer. */
  async send<R extends { readonly revision?: number; readonly position: number }, TBody extends object>(
    command: Command<R>,
    body: (result: R) => TBody,
    location?: (result: R) => string,
  ): Promise<HttpAnswer<TBody & { position: number }>> {
    const result = await this.commandBus.execute(command);
    return commandAnswer(result, body(result), location?.(result));
  }
}
