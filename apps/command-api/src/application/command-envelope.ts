import { randomUUID } from 'node:crypto';
import { deterministicUuid } from './deterministic-id';
import { currentRequestId } from './request-context';

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
  /** The request's fingerprint when it came with an Idempotency-Key. */
  readonly requestFingerprint?: string;
  /** The id of the HTTP request that sent the command (`X-Request-Id`), when it came through HTTP. */
  readonly requestId?: string;
  /** ISO-8601 time the command was accepted. */
  readonly now: string;
  /** An id for a new entity, stable across retries of the same command. */
  newId(purpose: string): string;
  /**
   * True when the command id was drawn at random (no idempotency key): no earlier command had it, so
   * no stream named by `newId` can exist yet. Unset: the id may repeat (a retry).
   */
  readonly freshCommandId?: boolean;
}

export interface EnvelopeInput {
  readonly commandType: string;
  readonly actorUserId: string | null;
  readonly practiceId: string | null;
  /** A bare key (internal callers) or a key with the fingerprint of its request (HTTP). */
  readonly idempotencyKey?: string | { readonly key: string; readonly fingerprint: string };
  readonly correlationId?: string;
  /** Unset: the id of the request being served (see request-context.ts), if any. */
  readonly requestId?: string;
  readonly now?: Date;
}

export const commandEnvelope = (input: EnvelopeInput): CommandEnvelope => {
  const idempotency = typeof input.idempotencyKey === 'string' ? { key: input.idempotencyKey, fingerprint: undefined } : input.idempotencyKey;
  const commandId =
    idempotency === undefined
      ? randomUUID()
      : deterministicUuid(`${input.actorUserId ?? 'anonymous'}|${input.commandType}|${idempotency.key}`);
  const requestId = input.requestId ?? currentRequestId();
  // Built field by field, an optional field only when it has a value (no spread of a new object per
  // optional field: the envelope is made for every command).
  const envelope: { -readonly [K in keyof CommandEnvelope]: CommandEnvelope[K] } = {
    commandId,
    commandType: input.commandType,
    actorUserId: input.actorUserId,
    practiceId: input.practiceId,
    correlationId: input.correlationId ?? commandId,
    now: (input.now ?? new Date()).toISOString(),
    newId: (purpose) => deterministicUuid(`${commandId}|${purpose}`),
  };
  if (idempotency?.fingerprint !== undefined) envelope.requestFingerprint = idempotency.fingerprint;
  if (requestId !== undefined) envelope.requestId = requestId;
  if (idempotency === undefined) envelope.freshCommandId = true;
  return envelope;
};
