/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 20000,
  // Every suite stops what it starts (servers, bots, the Playground, Chromium) and each passes and exits alone;
  // once, a full in-band run on a loaded 2-CPU machine passed and then did not exit. CI must never hang on that.
  forceExit: true,
  // TEST_DATABASE_URL, else the machine's PostgreSQL on 127.0.0.1:5432, else a throwaway one for the run.
  globalSetup: '<rootDir>/test/support/postgres/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres/global-teardown.ts',
};
