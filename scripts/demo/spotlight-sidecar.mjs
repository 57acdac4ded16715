// Spotlight (Sentry's local UI, @spotlightjs/spotlight) inside the calling process, through
// its exported `startServer`. Not its CLI: the CLI reports its own usage and traces to
// Sentry's servers, and installs signal handlers that would close it before the app's
// last events arrive. The UI files ship in the package; we serve them as its CLI does.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SPOTLIGHT_ID = 'spotlight-by-sentry'; // its X-Powered-By header

/**
 * Starts Spotlight on `port`, or reuses one already running there (the desktop app,
 * another `npm start`). Resolves once the UI answers 200.
 * @returns {Promise<{ url: string, streamUrl: string, reused: boolean, close: () => Promise<void> }>}
 */
export async function startSpotlight(port) {
  const url = `http://localhost:${port}`;
  const handle = (reused, close) => ({ url, streamUrl: `${url}/stream`, reused, close });
  if (await isSpotlight(url)) return handle(true, async () => undefined);
  // Spotlight retries a busy port for 15 s; fail at once with a clear message instead.
  await assertPortFree(port);
  const { startServer } = await import('@spotlightjs/spotlight');
  const uiDir = fileURLToPath(new URL('../ui/', import.meta.resolve('@spotlightjs/spotlight')));
  const server = await startServer({ port, basePath: uiDir, filesToServe: readUiFiles(uiDir) });
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const status = await fetch(url).then((response) => response.status, () => 0);
  if (status !== 200) {
    await close();
    throw new Error(
      `Spotlight's UI answered ${status} instead of 200. With hono ${honoVersion()} Spotlight 4.11.8 fails ` +
        '(hono 4.12.32 made `c.req.query()` a null-prototype object); pin hono to 4.12.31 in package.json "overrides".',
    );
  }
  return handle(false, close);
}

/** The UI: index.html plus every file its manifest lists (what Spotlight's CLI serves). */
function readUiFiles(uiDir) {
  const manifest = JSON.parse(readFileSync(join(uiDir, 'manifest.json'), 'utf8'));
  const files = { 'index.html': readFileSync(join(uiDir, 'index.html')) };
  for (const entry of Object.values(manifest)) {
    if (typeof entry?.file === 'string') files[entry.file] = readFileSync(join(uiDir, entry.file));
  }
  return files;
}

async function isSpotlight(url) {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.headers.get('x-powered-by') === SPOTLIGHT_ID;
  } catch {
    return false;
  }
}

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', (error) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is in use by something that is not Spotlight; set SPOTLIGHT_PORT`) : error),
      )
      .listen(port, () => probe.close(() => resolve()));
  });
}

function honoVersion() {
  try {
    const entry = fileURLToPath(import.meta.resolve('hono'));
    let dir = dirname(entry);
    while (basename(dir) !== 'hono' && dirname(dir) !== dir) dir = dirname(dir);
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return '(unknown version)';
  }
}
