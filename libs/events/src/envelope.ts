/**
 * Events are plain data: `{ type, data, metadata }`. The `type` string equals the TypeScript type name.
 * Who did it and why (actor, correlation, causation, request) lives in metadata, never in data; its
 * schema is in metadata.schema.ts.
 */
export interface EventMetadata {
  readonly eventId: string;
  readonly schemaVersion: number;
  /** ISO-8601, taken when the command was accepted, never when the event is replayed. */
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly practiceId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly commandType: string;
  /**
   * For commands sent with an Idempotency-Key: a hash of the request (method, path and body, secrets
   * left out), so a key reused for a different request is refused instead of answered as the first.
   */
  readonly requestFingerprint?: string;
  /**
   * The id of the HTTP request that sent the command (`X-Request-Id`, or the one the API made), as
   * in its log lines. Absent on events recorded before it was kept, and on events not sent through HTTP.
   */
  readonly requestId?: string;
}

/** What a decider returns: an event without its metadata (the application adds it). */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** An event as it is handed to the event store. */
export interface NewEvent<TType extends string = string, TData = unknown> extends DomainEvent<TType, TData> {
  readonly metadata: EventMetadata;
}

/** An event as it was recorded by the event store. */
export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  readonly streamId: string;
  /** 0-based revision of the event within its stream. */
  readonly revision: number;
  /** Global, strictly increasing position of the event in the whole log ($all). */
  readonly position: number;
}
