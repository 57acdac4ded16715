/**
 * The official setup, as Sentry's NestJS guide has it: an `instrument` file that
 * calls `Sentry.init` before anything else is loaded. Preloaded with `node --import`:
 * Sentry 11 registers its diagnostics-channel injection from there and warns under
 * `--require`; this file compiles to CommonJS, which `--import` loads as well.
 * `sendDefaultPii` from the docs snippet is left out: it only adds the client IP
 * and cookies, and our module does not send them either.
 */
import * as Sentry from '@sentry/nestjs';
import { isBenchMode, officialTracesSampleRate } from './bench-modes';

const mode = process.env.BENCH_MODE;
const tracesSampleRate = isBenchMode(mode) ? officialTracesSampleRate(mode) : undefined;

Sentry.init({
  dsn: process.env.BENCH_DSN,
  ...(tracesSampleRate === undefined ? {} : { tracesSampleRate }),
});
