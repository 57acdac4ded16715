// The two consumer apps: which CLI made the fixture, which Node runs it, which
// @nestjs/config matches its Nest major, and how the preload is passed.
import { findNode24, machineNode } from './node-runtime.mjs';

export const TARGETS = [
  {
    name: 'nest12-esm',
    cli: '@nestjs/cli@12.0.15',
    runtime: findNode24,
    config: '@nestjs/config@^12.0.0',
    preloads: [['--import', 'nestjs-sentry-tenant/instrument']],
    vitestSpecs: ['src/consumer-check/ingest-with-sdk.spec.ts', 'src/consumer-check/ingest-under-vitest.spec.ts'],
  },
  {
    name: 'nest11-cjs',
    cli: '@nestjs/cli@11.0.13',
    runtime: machineNode,
    config: '@nestjs/config@^4.0.0',
    // Sentry 11 warns on --require (it wants --import); both are tried and their output recorded.
    preloads: [
      ['--require', 'nestjs-sentry-tenant/instrument'],
      ['--import', 'nestjs-sentry-tenant/instrument'],
    ],
    vitestSpecs: [],
  },
];

// Scaffold files the check never uses (docs, lint and format config, e2e specs that
// the repo's own jest would pick up): left out of the committed fixtures.
export const DROPPED_FROM_FIXTURE = [
  'README.md',
  'AGENTS.md',
  'CLAUDE.md',
  '.gitattributes',
  '.prettierrc',
  '.oxlintrc.json',
  'eslint.config.mjs',
  'test',
  'vitest.config.e2e.ts',
];
