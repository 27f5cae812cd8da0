import type { ZodTypeAny } from 'zod';
import type { NewEvent, RecordedEvent } from './envelope';
import { InvalidEventError, type EventDataIssue } from './invalid-event.error';
import { eventMetadataSchema } from './metadata.schema';

/**
 * Turns data of an older schema version into the next version. Published shapes never change: a new
 * shape is a new version plus an upcaster from the one before.
 */
export type Upcaster = (data: unknown) => unknown;

export interface EventTypeDefinition {
  readonly schema: ZodTypeAny;
  /** The version written today. */
  readonly version: number;
  /** `upcasters[n]` turns version n into version n + 1. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

export type EventRegistry = Readonly<Record<string, EventTypeDefinition>>;

const dataIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): EventDataIssue[] =>
  issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));

const formatIssues = (issues: readonly EventDataIssue[]): string => issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');

/** Checks events (data and metadata) against their schemas on append, and upcasts their data on read. */
export class EventCodec {
  constructor(private readonly registry: EventRegistry) {}

  currentVersion(type: string): number {
    return this.definition(type).version;
  }

  checkOnAppend(event: NewEvent): void {
    const definition = this.definition(event.type);
    if (event.metadata.schemaVersion !== definition.version) {
      throw new InvalidEventError(
        event.type,
        `schemaVersion ${event.metadata.schemaVersion} is not the current version ${definition.version}`,
      );
    }
    this.check(event.type, definition, event.data);
    const metadata = eventMetadataSchema.safeParse(event.metadata);
    // A fault of the application, not of the data it was sent: no data issues, so not a 422.
    if (!metadata.success) throw new InvalidEventError(event.type, `metadata: ${formatIssues(dataIssues(metadata.error.issues))}`);
  }

  decodeOnRead(event: RecordedEvent): RecordedEvent {
    const definition = this.definition(event.type);
    const data = this.upcast(event.type, definition, event.metadata.schemaVersion, event.data);
    this.check(event.type, definition, data);
    if (data === event.data) return event;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: definition.version } };
  }

  private upcast(type: string, definition: EventTypeDefinition, from: number, data: unknown): unknown {
    if (from > definition.version || from < 1) {
      throw new InvalidEventError(type, `unknown schemaVersion ${from}`);
    }
    let current = data;
    for (let version = from; version < definition.version; version += 1) {
      const upcaster = definition.upcasters?.[version];
      if (!upcaster) throw new InvalidEventError(type, `no upcaster from version ${version}`);
      current = upcaster(current);
    }
    return current;
  }

  private check(type: string, definition: EventTypeDefinition, data: unknown): void {
    const result = definition.schema.safeParse(data);
    if (!result.success) {
      const issues = dataIssues(result.error.issues);
      throw new InvalidEventError(type, formatIssues(issues), issues);
    }
  }

  private definition(type: string): EventTypeDefinition {
    const definition = this.registry[type];
    if (!definition) throw new InvalidEventError(type, 'unknown event type');
    return definition;
  }
}
