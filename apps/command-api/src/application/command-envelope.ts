import { randomUUID } from 'node:crypto';
import { deterministicUuid } from './deterministic-id';

/**
 * Who issues a command, when, and under which id. With an idempotency key the command id, and so every
 * id derived from it, is the same on a retry.
 */
export interface CommandEnvelope {
  readonly commandId: string;
  readonly commandType: string;
  readonly actorUserId: string | null;
  readonly practiceId: string | null;
  readonly correlationId: string;
  /** ISO-8601 time the command was accepted. */
  readonly now: string;
  /** An id for a new entity, stable across retries of the same command. */
  newId(purpose: string): string;
}

export interface EnvelopeInput {
  readonly commandType: string;
  readonly actorUserId: string | null;
  readonly practiceId: string | null;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  readonly now?: Date;
}

export const commandEnvelope = (input: EnvelopeInput): CommandEnvelope => {
  const commandId =
    input.idempotencyKey === undefined
      ? randomUUID()
      : deterministicUuid(`${input.actorUserId ?? 'anonymous'}|${input.commandType}|${input.idempotencyKey}`);
  return {
    commandId,
    commandType: input.commandType,
    actorUserId: input.actorUserId,
    practiceId: input.practiceId,
    correlationId: input.correlationId ?? commandId,
    now: (input.now ?? new Date()).toISOString(),
    newId: (purpose) => deterministicUuid(`${commandId}|${purpose}`),
  };
};
