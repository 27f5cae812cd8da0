/** An event failed its schema on append or on read. */
export class InvalidEventError extends Error {
  readonly code = 'InvalidEvent';
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`event ${eventType} is invalid: ${reason}`);
    this.name = 'InvalidEventError';
  }
}
