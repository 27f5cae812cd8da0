// P7's bare limit, in its own process as the service is (bench/bare-server.bench.ts spawns it): the least
// a durable create can do here. Fastify, one route, the same bearer token check (the service's compiled
// TokenService: HS256, same library and key handling), the body validated by Fastify's compiled JSON
// schema, one event row appended to better-sqlite3 (WAL, synchronous=FULL), the appends of one tick in one
// transaction, the answer sent once that transaction has committed.
// argv: port, data directory, token secret (the bench issues the token with the same secret).
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const Fastify = require('fastify');
const Database = require('better-sqlite3');
const { TokenService } = require('../dist/apps/command-api/src/infrastructure/token-service');

const [port, dataDir, secret] = process.argv.slice(2);
const db = new Database(join(dataDir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (stream, revision))');
const insert = db.prepare('INSERT INTO events (stream, revision, type, data) VALUES (?, 0, ?, ?)');
let pending = [];
const commit = db.transaction((batch) => batch.map((p) => Number(insert.run(p.stream, 'ClientCreated', p.data).lastInsertRowid)));
const flush = () => {
  const batch = pending;
  pending = [];
  try {
    const positions = commit(batch);
    batch.forEach((p, i) => p.resolve(positions[i]));
  } catch (error) {
    batch.forEach((p) => p.reject(error));
  }
};
const append = (stream, data) =>
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
};
app.post('/practices/:practiceId/clients', { schema: { body: bodySchema } }, async (request, reply) => {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token || !tokens.verify(token)) return reply.code(401).send({ code: 'Unauthorized' });
  const clientId = randomUUID();
  const position = await append(`chart-${clientId}`, JSON.stringify({ chartId: clientId, practiceId: request.params.practiceId, ...request.body }));
  return reply.code(201).send({ clientId, position });
});

const stop = () => app.close().then(() => (db.close(), process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
void app.listen({ port: Number(port), host: '127.0.0.1' });
