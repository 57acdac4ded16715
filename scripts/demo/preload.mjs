// The demo's preload, loaded with `node --import` (Sentry 11 wants `--import`, not `--require`):
// TypeScript through ts-node, the `@app/sentry` path alias, then the demo's instrument.ts,
// which starts Sentry before main.ts loads Nest, `http` and `pg`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('ts-node/register/transpile-only');
require('tsconfig-paths/register');
require('../../apps/demo/src/instrument.ts');
