import type { Config } from 'jest';
import base from './jest.config';

/**
 * The slow fault suites (`npm run test:faults`): real load against a real app while the
 * ingest misbehaves. One file at a time, so no suite's load skews another's latency.
 */
const config: Config = {
  ...base,
  testRegex: 'test/faults/.*\\.e2e-spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120_000,
  maxWorkers: 1,
};

export default config;
