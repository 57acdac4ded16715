/** What the fault app prints and serves; shared by the app and the tests that read it. */
export const FAULT_APP_MARKERS = {
  unhandled: 'FAULT-APP-UNHANDLED',
  captured: 'FAULT-APP-CAPTURED',
  sigterm: 'FAULT-APP-SIGTERM',
} as const;

/** `GET /fault/stats`: memory now and its peaks since start (or the last reset). */
export interface FaultAppStats {
  rssBytes: number;
  heapUsedBytes: number;
  peakRssBytes: number;
  peakHeapUsedBytes: number;
}

export const FAULT_APP_ENTRY = 'test/support/fault-app.main.ts';
