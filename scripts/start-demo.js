#!/usr/bin/env node
'use strict';
// `npm start`: the demo API, plus Spotlight (Sentry's local UI) to receive its events
// when no SENTRY_DSN is set. With SENTRY_DSN, events go to that Sentry instead.
//
// Environment: PORT (3000), SPOTLIGHT_PORT (8969), DATABASE_URL (unset = embedded
// PostgreSQL in .data/postgres), DEMO_ENV_FILE (.env; empty = none), and every SENTRY_*.
const { existsSync } = require('node:fs');
const { startDemoApp } = require('./demo/demo-app.process');

const DEFAULT_SPOTLIGHT_PORT = 8969;

async function main() {
  const startedAt = Date.now();
  loadEnvFile(process.env.DEMO_ENV_FILE ?? '.env');
  const dsn = process.env.SENTRY_DSN?.trim();
  const spotlightPort = Number(process.env.SPOTLIGHT_PORT || DEFAULT_SPOTLIGHT_PORT);

  // Spotlight's import takes about a second: start it alongside the app, not before.
  const spotlight = dsn ? Promise.resolve(undefined) : import('./demo/spotlight-sidecar.mjs').then((m) => m.startSpotlight(spotlightPort));
  const appEnv = { ...process.env, ...(dsn ? {} : { SENTRY_SPOTLIGHT: `http://localhost:${spotlightPort}/stream` }) };
  const app = startDemoApp(appEnv);

  let stopSignal;
  const onSignal = (signal) => {
    // Forward once; the app bounds its own shutdown (Sentry flush timeout) and stop() force-kills after 15 s.
    stopSignal ??= signal;
    void app.stop(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

  let sidecar;
  try {
    const [started, url] = await Promise.all([spotlight, app.ready]);
    sidecar = started;
    const events = sidecar ? `Spotlight UI: ${sidecar.url}${sidecar.reused ? ' (already running)' : ''}` : `events go to Sentry (${safeHost(dsn)})`;
    console.log(`\nDemo API: ${url} — ${events}`);
    console.log(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s. Run the curl lines above; Ctrl-C stops everything.\n`);
  } catch (error) {
    console.error(`\nThe demo did not start: ${error instanceof Error ? error.message : error}`);
    await app.stop('SIGTERM');
    sidecar ??= await spotlight.catch(() => undefined);
    await sidecar?.close();
    process.exit(1);
  }

  const { code, signal } = await app.exited;
  // The app's last events (flushed during its shutdown) have arrived: Spotlight can go.
  await sidecar?.close();
  process.exit(stopSignal && (signal === stopSignal || code === 0) ? 0 : code);
}

/** Loads `.env` like `node --env-file` would, without failing when there is none. Set variables win. */
function loadEnvFile(path) {
  if (path && existsSync(path) && typeof process.loadEnvFile === 'function') process.loadEnvFile(path);
}

function safeHost(dsn) {
  try {
    return new URL(dsn).host;
  } catch {
    return 'SENTRY_DSN';
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
