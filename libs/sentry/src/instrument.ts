/**
 * Preload entry: `node --require <dist>/libs/sentry/instrument.js dist/main.js`,
 * or `import '@app/sentry/instrument'` as the very first line of main.ts.
 */
import { initSentryFromEnvironment } from './instrument/init-from-environment';

initSentryFromEnvironment();
