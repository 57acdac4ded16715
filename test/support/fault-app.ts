import { once } from 'node:events';
import { startChildApp, type ChildApp } from './child-app';
import { FAULT_APP_ENTRY, FAULT_APP_MARKERS, type FaultAppStats } from './fault-app-contract';

/** The fault app in its own process, with what the tests read from it. */
export interface FaultApp extends ChildApp {
  stats: (options?: { resetPeaks?: boolean }) => Promise<FaultAppStats & { thrown: number }>;
  /** `FAULT-APP-UNHANDLED` lines: unhandled rejections and uncaught exceptions. */
  unhandled: () => string[];
  /** Event ids the app handed to its transport (needs `logIds`), before and after it got SIGTERM. */
  capturedIds: () => { beforeSigterm: string[]; afterSigterm: string[] };
  isRunning: () => boolean;
  /** SIGTERM (Nest's shutdown hooks run `app.close()`), then the wall time until the process exited. */
  terminate: () => Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startFaultApp(dsn: string, options: { shutdownTimeoutMs: number; logIds?: boolean }): Promise<FaultApp> {
  const app = await startChildApp(FAULT_APP_ENTRY, {
    FAULT_APP_DSN: dsn,
    FAULT_APP_SHUTDOWN_MS: String(options.shutdownTimeoutMs),
    FAULT_APP_LOG_IDS: options.logIds ? '1' : '0',
  });
  const lines = (marker: string): string[] =>
    app
      .output()
      .split('\n')
      .filter((line) => line.startsWith(`${marker} `))
      .map((line) => line.slice(marker.length + 1));
  const isRunning = (): boolean => app.child.exitCode === null && app.child.signalCode === null;
  return {
    ...app,
    isRunning,
    unhandled: () => lines(FAULT_APP_MARKERS.unhandled),
    capturedIds: () => {
      const [before, after = ''] = app.output().split(`${FAULT_APP_MARKERS.sigterm}\n`);
      const ids = (text: string) => text.split('\n').filter((l) => l.startsWith(`${FAULT_APP_MARKERS.captured} `)).map((l) => l.slice(FAULT_APP_MARKERS.captured.length + 1));
      return { beforeSigterm: ids(before), afterSigterm: ids(after) };
    },
    stats: async ({ resetPeaks = false } = {}) => {
      const res = await fetch(`${app.url}/fault/stats${resetPeaks ? '?reset=1' : ''}`);
      return (await res.json()) as FaultAppStats & { thrown: number };
    },
    terminate: async () => {
      if (!isRunning()) throw new Error(`fault app already exited:\n${app.output()}`);
      const exited = once(app.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      const started = performance.now();
      app.child.kill('SIGTERM');
      const [code, signal] = await exited;
      return { ms: Math.round(performance.now() - started), code, signal };
    },
  };
}
