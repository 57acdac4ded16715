import type { Config } from 'jest';

/**
 * Every test file runs in its own worker context with the real Sentry SDK.
 * SDK hooks (diagnostics channels, process handlers) are process-wide, so each
 * suite closes its client in afterAll and asserts only on its own markers.
 */
const config: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(libs|apps|test)/.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/faults/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@app/sentry(|/.*)$': '<rootDir>/libs/sentry/src$1',
  },
  testTimeout: 30_000,
  maxWorkers: 2,
};

export default config;
