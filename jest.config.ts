import type { Config } from 'jest';

/**
 * Every test file runs with the real Sentry SDK. SDK hooks (diagnostics channels,
 * process handlers) are process-wide: each file starts with the previous files'
 * channel subscribers removed, closes its client in afterAll, and asserts only on
 * its own markers.
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
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-fresh-sdk-hooks.ts', '<rootDir>/test/support/jest-fixed-property-seed.ts'],
  testTimeout: 30_000,
  maxWorkers: 2,
};

export default config;
