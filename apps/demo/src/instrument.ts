/**
 * Preload of the demo, loaded before main.ts by scripts/demo/preload.mjs:
 * `node --import ./scripts/demo/preload.mjs scripts/demo/main.cjs` (what `npm start` runs).
 * Sentry must start before Nest, `http` and `pg` are loaded, or they are not
 * auto-instrumented (no route-named transactions, no DB spans).
 */
import './demo-env.defaults';
import '@app/sentry/instrument';
