/** What every command carries besides its intent: who, when, and the ids generated for it. */
export interface CommandContext {
  readonly actorUserId: string;
  /** ISO-8601 time the command was accepted. */
  readonly now: string;
}
