import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCredentialStore } from '../../apps/command-api/src/infrastructure/credential-store';
import { MongoCredentialStore } from '../../apps/command-api/src/infrastructure/mongo-credential-store';
import { MongoTestServer } from '../support/mongo-test-server';
import { credentialStoreContract } from './credential-store.contract';

credentialStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credentials-'));
  const store = new SqliteCredentialStore(dir);
  return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
});

describe('MongoDB over the wire-protocol test server (a test harness)', () => {
  const server = new MongoTestServer();
  let url = '';
  beforeAll(async () => {
    url = `mongodb://127.0.0.1:${(await server.start()).port}/?directConnection=true`;
  });
  afterAll(async () => server.stop());

  credentialStoreContract('MongoDB over the wire-protocol test server', async () => {
    const store = await MongoCredentialStore.connect({ url, dbName: `credentials_${randomUUID().slice(0, 8)}`, serverSelectionTimeoutMS: 2000 });
    return { store, cleanup: () => store.close() };
  });
});

const realUrl = process.env.MONGODB_TEST_URL;
if (realUrl) {
  console.log('CredentialStore contract: also running on the real MongoDB at MONGODB_TEST_URL');
  credentialStoreContract('MongoDB at MONGODB_TEST_URL', async () => {
    const store = await MongoCredentialStore.connect({ url: realUrl, dbName: `credentials_test_${randomUUID().slice(0, 8)}` });
    return { store, cleanup: () => store.close() };
  });
} else {
  console.log('CredentialStore contract: ran on SQLite and the MongoDB test server (set MONGODB_TEST_URL for a real MongoDB)');
}
