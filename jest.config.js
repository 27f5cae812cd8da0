/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '.*\\.spec\\.ts$',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The libraries' tsconfig paths: each is imported through its index only (npm run lint:deps).
  moduleNameMapper: { '^@practice/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // The mongodb driver leaves a server-selection timer running after a retried operation (up to 30 s);
  // it holds nothing, but would keep Jest waiting after the last test.
  forceExit: true,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
