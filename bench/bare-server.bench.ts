import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import Database from 'better-sqlite3';
import { TokenService } from '../apps/command-api/src/infrastructure/token-service';
import { newDataDir } from './bench-support';
import { createClientsLoad, type LoadResult } from './load';

interface Pending {
  readonly stream: string;
  readonly data: string;
  readonly resolve: (position: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * P7's bare limit: the least a durable create can do here. Fastify, one route, the same bearer token
 * check (HS256, same library and key handling), the body validated by Fastify's compiled JSON schema,
 * one event row appended to better-sqlite3 (WAL, synchronous=FULL), the appends of one tick in one
 * transaction, the answer sent once that transaction has committed.
 */
export const startBareServer = async (secret: string) => {
  const dataDir = newDataDir();
  const db = new Database(join(dataDir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (stream, revision))');
  const insert = db.prepare('INSERT INTO events (stream, revision, type, data) VALUES (?, 0, ?, ?)');
  let pending: Pending[] = [];
  const commit = db.transaction((batch: Pending[]) => batch.map((p) => Number(insert.run(p.stream, 'ClientCreated', p.data).lastInsertRowid)));
  const flush = (): void => {
    const batch = pending;
    pending = [];
    try {
      const positions = commit(batch);
      batch.forEach((p, i) => p.resolve(positions[i]));
    } catch (error) {
      batch.forEach((p) => p.reject(error));
    }
  };
  const append = (stream: string, data: string): Promise<number> =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ stream, data, resolve, reject });
    });

  const tokens = new TokenService(secret, 3600);
  const app = Fastify({ logger: false });
  const bodySchema = {
    type: 'object',
    required: ['firstName', 'lastName'],
    additionalProperties: false,
    properties: {
      firstName: { type: 'string', minLength: 1, maxLength: 100 },
      lastName: { type: 'string', minLength: 1, maxLength: 100 },
      email: { type: 'string', format: 'email', maxLength: 254 },
    },
  } as const;
  app.post<{ Params: { practiceId: string }; Body: { firstName: string; lastName: string; email?: string } }>(
    '/practices/:practiceId/clients',
    { schema: { body: bodySchema } },
    async (request, reply) => {
      const [scheme, token] = (request.headers.authorization ?? '').split(' ');
      if (scheme !== 'Bearer' || !token || !tokens.verify(token)) return reply.code(401).send({ code: 'Unauthorized' });
      const clientId = randomUUID();
      const position = await append(`chart-${clientId}`, JSON.stringify({ chartId: clientId, practiceId: request.params.practiceId, ...request.body }));
      return reply.code(201).send({ clientId, position });
    },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    port,
    token: tokens.issue({ userId: randomUUID(), credentialVersion: 1 }),
    close: async () => {
      await app.close();
      db.close();
    },
  };
};

/** CreateClient without an email against the bare server, the same load as the service's. */
export const benchBareServer = async (commands: number, concurrency: number): Promise<LoadResult> => {
  const server = await startBareServer(randomUUID() + randomUUID());
  try {
    return await createClientsLoad(server.port, randomUUID(), server.token, commands, concurrency, 'no-email', 0);
  } finally {
    await server.close();
  }
};
