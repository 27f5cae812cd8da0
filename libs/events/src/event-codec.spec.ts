import { z } from 'zod';
import { EventCodec } from './event-codec';
import { InvalidEventError } from './invalid-event.error';
import type { RecordedEvent } from './envelope';

// A registry of its own: ClientRenamed v1 held one `name`; v2 splits it into first and last name.
const codec = new EventCodec({
  ClientRenamed: {
    version: 2,
    schema: z.object({ firstName: z.string(), lastName: z.string() }).strict(),
    upcasters: {
      1: (data) => {
        const { name } = data as { name: string };
        const [firstName, ...rest] = name.split(' ');
        return { firstName, lastName: rest.join(' ') };
      },
    },
  },
});

const recorded = (schemaVersion: number, data: unknown): RecordedEvent => ({
  type: 'ClientRenamed',
  data,
  streamId: 'chart-1',
  revision: 0,
  position: 0,
  metadata: {
    eventId: 'e1',
    schemaVersion,
    occurredAt: '2026-01-01T00:00:00.000Z',
    actorUserId: 'u1',
    practiceId: 'p1',
    correlationId: 'c1',
    causationId: null,
    commandType: 'RenameClient',
  },
});

describe('EventCodec', () => {
  describe('when an old version is read', () => {
    it('upcasts it to the current version', () => {
      const decoded = codec.decodeOnRead(recorded(1, { name: 'Ada King Lovelace' }));
      expect(decoded.data).toEqual({ firstName: 'Ada', lastName: 'King Lovelace' });
      expect(decoded.metadata.schemaVersion).toBe(2);
    });
  });

  describe('when the current version is read', () => {
    it('returns it unchanged', () => {
      const event = recorded(2, { firstName: 'Ada', lastName: 'Lovelace' });
      expect(codec.decodeOnRead(event)).toBe(event);
    });
  });

  describe('when data does not match its schema', () => {
    it('rejects it on read, naming the field', () => {
      expect(() => codec.decodeOnRead(recorded(2, { firstName: 'Ada' }))).toThrow(/lastName/);
    });

    it('rejects it on append', () => {
      const event = recorded(2, { firstName: 'Ada', lastName: 'L', extra: true });
      expect(() => codec.checkOnAppend(event)).toThrow(InvalidEventError);
    });

    it('names the paths of the data that broke the schema, and only for data', () => {
      const issuesOf = (run: () => unknown): unknown => {
        try {
          run();
        } catch (error) {
          return (error as InvalidEventError).dataIssues.map((issue) => issue.path);
        }
        return 'no error';
      };
      expect(issuesOf(() => codec.checkOnAppend(recorded(2, { firstName: null, lastName: 'L' })))).toEqual(['firstName']);
      expect(issuesOf(() => codec.checkOnAppend(recorded(1, { name: 'Ada Lovelace' })))).toEqual([]);
    });

    it('rejects an append written with an old version', () => {
      expect(() => codec.checkOnAppend(recorded(1, { name: 'Ada Lovelace' }))).toThrow(/schemaVersion/);
    });
  });

  it('rejects an unknown event type and an unknown version', () => {
    expect(() => codec.decodeOnRead({ ...recorded(1, {}), type: 'Nope' })).toThrow(/unknown event type/);
    expect(() => codec.decodeOnRead(recorded(3, {}))).toThrow(/unknown schemaVersion/);
  });

  describe('metadata', () => {
    const current = recorded(2, { firstName: 'Ada', lastName: 'Lovelace' });
    const withMetadata = (metadata: Record<string, unknown>): RecordedEvent => ({ ...current, metadata: { ...current.metadata, ...metadata } as RecordedEvent['metadata'] });

    it('accepts a request id on append, and metadata without one (events recorded before it)', () => {
      expect(() => codec.checkOnAppend(withMetadata({ requestId: 'abc-123_x.Y' }))).not.toThrow();
      expect(() => codec.checkOnAppend(current)).not.toThrow();
      expect(() => codec.checkOnAppend(withMetadata({ requestFingerprint: 'f', requestId: '0f8fad5b-d9cb-469f-a165-70867728950e' }))).not.toThrow();
    });

    it.each([
      ['a request id with a space', { requestId: 'has space' }],
      ['an empty request id', { requestId: '' }],
      ['a request id past 128 characters', { requestId: 'x'.repeat(129) }],
      ['an unknown field', { userAgent: 'curl' }],
      ['no correlation id', { correlationId: undefined }],
      ['a time that is not ISO-8601', { occurredAt: 'yesterday' }],
    ])('refuses %s on append as a fault of the application (no data issues)', (_, metadata) => {
      const run = () => codec.checkOnAppend(withMetadata(metadata));
      expect(run).toThrow(/metadata/);
      try {
        run();
      } catch (error) {
        expect((error as InvalidEventError).dataIssues).toEqual([]);
      }
    });

    it('reads events of any metadata as they were recorded', () => {
      expect(codec.decodeOnRead(withMetadata({ requestId: 'has space' })).metadata.requestId).toBe('has space');
    });
  });
});
