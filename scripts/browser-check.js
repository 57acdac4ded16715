#!/usr/bin/env node
'use strict';
// `npm run e2e:browser`: the demo's errors, seen in a real browser. Starts the demo with
// Spotlight (as `npm start` does without SENTRY_DSN), triggers the failures of the cheat
// sheet for three tenants, opens Spotlight's UI in headless Chromium, and checks that
// acme's TypeError is listed and shows the tag `tenant_id: acme`, with no API key on the
// page. Saves docs/spotlight-errors.png (the list) and docs/spotlight-error.png (the event).
// Exit code 0 = all seen.
//
// Needs playwright-core (devDependency) and Chromium: CHROMIUM_PATH, default /usr/bin/chromium
// (Debian: apt-get install -y chromium). Ports are free ones unless PORT / SPOTLIGHT_PORT are set,
// so it runs next to a live `npm start`.
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { runStartScript, freePort } = require('./demo/run-start-script');

const ROOT = join(__dirname, '..');
const SCREENSHOT = join(ROOT, 'docs', 'spotlight-error.png');
const LIST_SCREENSHOT = join(ROOT, 'docs', 'spotlight-errors.png');
const FAILURE_SCREENSHOT = join(ROOT, '.data', 'browser-check', 'failure.png');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ERROR_TEXT = "Cannot read properties of undefined (reading 'percent')";
// The three reported failures; the 400 must not be listed.
const LISTED = [ERROR_TEXT, 'Payment provider unavailable, try again later', 'relation "order_stats" does not exist'];
// The demo's keys (apps/demo/src/auth/demo-credentials.ts) and the cheat sheet's card.
const KEYS = { acme: 'demo_acme_9f3c1b7e5d', globex: 'demo_globex_4a8e2c6f1b', initech: 'demo_initech_7d2b9e4c3a' };
const CARD = { cardNumber: '4242 4242 4242 4242', cvc: '123', cardholder: 'Alice Example' };

async function main() {
  const { chromium } = loadPlaywright();
  const [port, spotlightPort] = await Promise.all([process.env.PORT || freePort(), process.env.SPOTLIGHT_PORT || freePort()]);
  const demo = await runStartScript({
    PORT: String(port),
    SPOTLIGHT_PORT: String(spotlightPort),
    SENTRY_DSN: '', // always Spotlight here
    DEMO_ENV_FILE: '',
    // Its own data directory: a running `npm start` holds the lock on .data/postgres.
    DEMO_POSTGRES_DIR: process.env.DEMO_POSTGRES_DIR || join('.data', 'browser-check', 'postgres'),
  });
  step(`demo up: API ${demo.apiUrl}, Spotlight ${demo.spotlightUrl}`);
  let browser;
  let page;
  try {
    await triggerFailures(demo.apiUrl);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15_000);
    // Spotlight's UI reports its own usage to sentry.io; only the local sidecar is let through.
    await page.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));

    await page.goto(`${demo.spotlightUrl}/telemetry/errors`);
    // The list fills live from the sidecar.
    for (const text of LISTED) await page.getByText(text, { exact: true }).first().waitFor();
    if (await page.getByText(/BadRequestException|Bad Request/).count()) throw new Error('the 400 is listed as an error');
    step('errors list shows the TypeError, the 503 and the database error, not the 400');
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: LIST_SCREENSHOT });
    await page.getByText(ERROR_TEXT, { exact: true }).first().click();
    await page.getByText('TypeError:', { exact: true }).first().waitFor();
    await page.getByText('Context', { exact: true }).click();
    const tenant = await page.getByText('tenant_id', { exact: true }).first().locator('xpath=following-sibling::*[1]').innerText();
    if (tenant !== 'acme') throw new Error(`tag tenant_id shows ${JSON.stringify(tenant)}, expected "acme"`);
    step('event page shows tag tenant_id: acme');
    const text = await page.locator('body').innerText();
    const leaked = Object.values(KEYS).filter((key) => text.includes(key));
    if (leaked.length > 0) throw new Error(`the page shows API key(s) ${leaked.join(', ')}: request headers are not scrubbed`);
    step('no API key on the page');

    await page.screenshot({ path: SCREENSHOT });
    step(`screenshots: ${LIST_SCREENSHOT}, ${SCREENSHOT}`);
  } catch (error) {
    if (page) {
      mkdirSync(join(FAILURE_SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => undefined);
      console.error(`Screenshot of the failure: ${FAILURE_SCREENSHOT}`);
    }
    throw error;
  } finally {
    await browser?.close();
    await demo.stop();
  }
}

/** The cheat sheet's failures, for three tenants; each answer is checked. */
async function triggerFailures(apiUrl) {
  const call = async (path, { key, bearer, body }, expected) => {
    const headers = { ...(key && { 'x-api-key': key }), ...(bearer && { authorization: `Bearer ${bearer}` }), ...(body && { 'content-type': 'application/json' }) };
    const response = await fetch(`${apiUrl}${path}`, { method: body ? 'POST' : 'GET', headers, body: body && JSON.stringify(body) });
    if (response.status !== expected) throw new Error(`${path} answered ${response.status}, expected ${expected}`);
    return response.json();
  };
  const [acmeOrder] = await call('/orders', { key: KEYS.acme }, 200);
  await call('/orders/stats', { key: KEYS.globex }, 500);
  await call(`/orders/${acmeOrder.id}/pay`, { bearer: KEYS.acme, body: CARD }, 503);
  await call('/orders', { key: KEYS.acme, body: { item: '', quantity: 0 } }, 400);
  await call(`/orders/${acmeOrder.id}/flag`, { key: KEYS.acme, body: { reason: 'shipping address looks fake' } }, 202);
  await call('/orders/slow?ms=300', { key: KEYS.initech }, 200);
  await call(`/orders/${acmeOrder.id}/recalculate`, { key: KEYS.acme }, 500); // last: on top of the list
  step('triggered: DB error (globex), 503 (acme), 400, message, slow request, TypeError (acme)');
}

function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: npm install --save-dev playwright-core');
  }
}

function isLocal(url) {
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '127.0.0.1';
}

function step(line) {
  console.log(`browser-check: ${line}`);
}

main().then(
  () => {
    step('PASS');
    process.exit(0);
  },
  (error) => {
    console.error(`browser-check: FAIL: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
