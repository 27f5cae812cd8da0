import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDbEventStore } from '@practice/event-store';
import { eventCodec, type NewEvent } from '@practice/events';
import { EsdbTestServer } from '../support/esdb-test-server';
import { MongoTestServer } from '../support/mongo-test-server';
import { eventually, SmtpTestServer } from '../support/smtp-test-server';
import { messagesConfig } from '../../apps/command-api/src/config';
import { startProjectorProcess, type ProjectorProcess } from '../../apps/projector/src/projector-process';

const event = (type: string, data: object, practiceId: string): NewEvent => ({
  type,
  data,
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    actorUserId: null,
    practiceId,
    correlationId: randomUUID(),
    causationId: null,
    commandType: 'Spec',
  },
});

describe('The projector process runs the outbox in production (EventStoreDB and MongoDB test servers, an SMTP server)', () => {
  jest.setTimeout(60_000);
  const esdb = new EsdbTestServer();
  const mongo = new MongoTestServer();
  const smtp = new SmtpTestServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'projector-messaging-'));
  let running: ProjectorProcess;
  let events: EventStoreDbEventStore;

  beforeAll(async () => {
    await smtp.start(0);
    const eventStoreUrl = (await esdb.start()).url;
    const mongoUrl = `mongodb://127.0.0.1:${(await mongo.start()).port}/messaging_spec?directConnection=true`;
    events = EventStoreDbEventStore.fromConnectionString(eventStoreUrl, eventCodec);
    const messaging = { dataDir, tokenSecret: 'a-signing-secret-of-at-least-32-characters', messages: messagesConfig({ SMTP_URL: smtp.url, MESSAGES_POLL_MS: '50' }) };
    running = await startProjectorProcess({ dataDir, eventStoreUrl, mongoUrl, port: 0, maxBatchSize: 50, logLevel: 'silent', messaging }, (error) => {
      throw error;
    }, () => undefined);
  });

  afterAll(async () => {
    await running.stop();
    await events.close();
    await esdb.stop();
    await mongo.stop();
    await smtp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('emails an invitation recorded by an API replica, once', async () => {
    const practiceId = randomUUID();
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await events.appendToStream(
      `practice-${practiceId}`,
      [
        event('PracticeCreated', { practiceId, name: 'Harbour', createdBy: randomUUID() }, practiceId),
        event('PracticeMemberInvited', { practiceId, invitationId: randomUUID(), email: 'pro@example.com', role: 'clinician', expiresAt }, practiceId),
      ],
      { expectedRevision: 'no_stream' },
    );
    const [mail] = await eventually(() => (smtp.to('pro@example.com').length > 0 ? smtp.to('pro@example.com') : undefined), 30_000);
    expect(mail.raw).toMatch(/Subject: You're invited to join Harbour/);
    const head = await events.headPosition();
    // The send is recorded in the log (MessageSendStarted, MessageSent): nothing is sent again.
    await eventually(async () => ((await events.readAll({ filter: { eventTypes: ['MessageSent'] } })).length === 1 ? true : undefined), 30_000);
    expect(head).toBeGreaterThan(1);
    expect(smtp.to('pro@example.com')).toHaveLength(1);
  });
});
