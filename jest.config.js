/**
 * The walks of each issue's "Done means" through the Playground's web UI (a few minutes in all) run with
 * `npm run walks`, not in `npm test`, which CI must finish well inside 15 minutes.
 */
const WALKS = ['/test/playground/issue-[0-9]+-walks?\\.test\\.ts$', '/test/playground/journey\\.test\\.ts$'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: process.env.WALKS ? ['/node_modules/'] : ['/node_modules/', ...WALKS],
  // Most suites wait on servers, the Playground and Chromium more than they compute: two at a time on 2 CPUs.
  maxWorkers: 2,
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 20000,
  // Every suite stops what it starts (servers, bots, the Playground, Chromium) and each passes and exits alone;
  // once, a full in-band run on a loaded 2-CPU machine passed and then did not exit. CI must never hang on that.
  forceExit: true,
  // TEST_DATABASE_URL, else the machine's PostgreSQL on 127.0.0.1:5432, else a throwaway one for the run.
  globalSetup: '<rootDir>/test/support/postgres/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres/global-teardown.ts',
};
