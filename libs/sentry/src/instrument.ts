/**
 * Preload entry, loaded before the app so the SDK sees Nest, `http` and `pg` load:
 * `node --import nestjs-sentry-tenant/instrument dist/main.js` (ESM and CommonJS apps alike;
 * Sentry 11 asks for `--import`). Reads `SENTRY_*` from the environment.
 */
import { initSentryFromEnvironment } from './instrument/init-from-environment';

initSentryFromEnvironment();
