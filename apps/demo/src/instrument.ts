/**
 * Preload of the demo, loaded with `node -r` before main.ts:
 * `node -r ts-node/register/transpile-only -r tsconfig-paths/register -r apps/demo/src/instrument.ts apps/demo/src/main.ts`.
 * Sentry must start before Nest, `http` and `pg` are loaded, or they are not
 * auto-instrumented (no route-named transactions, no DB spans).
 */
import './demo-env.defaults';
import '@app/sentry/instrument';
