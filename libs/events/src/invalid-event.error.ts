/** Where an event's data breaks its schema: a dotted path into the data, and what is wrong there. */
export interface EventDataIssue {
  readonly path: string;
  readonly message: string;
}

/** An event failed its schema on append or on read. */
export class InvalidEventError extends Error {
  readonly code = 'InvalidEvent';
  constructor(
    readonly eventType: string,
    readonly reason: string,
    /** Set when the data broke the schema (not the version, type or id): the paths that did. */
    readonly dataIssues: readonly EventDataIssue[] = [],
  ) {
    super(`event ${eventType} is invalid: ${reason}`);
    this.name = 'InvalidEventError';
  }
}
