// The load generator of the HTTP bench, in its own process so it does not share the server's event
// loop. Reads its job from argv (port, practice, token, commands, concurrency, offset, and `email` or
// `no-email`), prints one JSON line with every latency in milliseconds.
const http = require('node:http');

const [port, practiceId, token, commands, concurrency, offset, mode = 'email'] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });

const createClient = (i) =>
  new Promise((resolve, reject) => {
    const client = { firstName: `First${i}`, lastName: `Last${i}` };
    const body = JSON.stringify(mode === 'email' ? { ...client, email: `client${i}@bench.example` } : client);
    const request = http.request(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: `/practices/${practiceId}/clients`,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    request.end(body);
  });

const main = async () => {
  const latencies = [];
  let failures = 0;
  let next = Number(offset);
  const last = Number(offset) + Number(commands);
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= last) return;
      const started = process.hrtime.bigint();
      const status = await createClient(i);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (status !== 201) failures += 1;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, failures, latencies }) + '\n');
  agent.destroy();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
