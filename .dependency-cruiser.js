/**
 * Architecture rules CI enforces (npm run lint:deps), so the domain stays pure by rule, not by memory.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const PURE = '^libs/(domain|events)/';
const FRAMEWORK_AND_IO =
  '(^|/)node_modules/(@nestjs|class-validator|class-transformer|@eventstore|mongodb|bson|better-sqlite3|mingo|express|fastify|@fastify|pino|pino-pretty|@grpc|jsonwebtoken)/';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain and libs/events import no framework, no store client and nothing that does I/O.',
      from: { path: PURE },
      to: { path: FRAMEWORK_AND_IO },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'No Node built-in that reaches the disk, the network, processes or the clock-free randomness.',
      from: { path: PURE },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|crypto|os|tls|readline|node:.*)$',
      },
    },
    {
      name: 'pure-libs-stay-inward',
      severity: 'error',
      comment: 'The domain and the events know nothing of the ports, adapters, read models or apps.',
      from: { path: PURE },
      to: { path: '^(apps/|libs/(event-store|read-store|read-models|blob-store)/)' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-through-lib-index',
      severity: 'error',
      comment: 'An app imports a library only through its index (@practice/<lib>), never a file inside it.',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libs-through-lib-index',
      severity: 'error',
      comment: 'A library imports another library only through its index (@practice/<lib>), never a file inside it.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
