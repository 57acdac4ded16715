import type { IngestFault, SentryTestIngest } from '@app/sentry/testing';

/** One row of the fault matrix: how to break the ingest and how to mend it. */
export interface FaultCase {
  name: string;
  apply: (ingest: SentryTestIngest) => Promise<void> | void;
  clear: (ingest: SentryTestIngest) => Promise<void> | void;
  /** For rate limits: how long the SDK must send nothing after a 429. */
  backoffMs?: number;
  /** The ingest holds every request open: the flush at SIGTERM can only end at its timeout, and must say so. */
  holdsRequests?: boolean;
}

const withFault = (name: string, fault: IngestFault, backoffMs?: number): FaultCase => ({
  name,
  apply: (ingest) => ingest.setFault(fault),
  clear: (ingest) => ingest.setFault(undefined),
  backoffMs,
  holdsRequests: fault.kind === 'hang',
});

/** Back-off windows are short so a case stays bounded, long enough to span several requests' worth of load. */
const BACKOFF_SECONDS = 2;

export const FAULT_CASES: FaultCase[] = [
  { name: 'ingest down (closed port)', apply: (ingest) => ingest.down(), clear: (ingest) => ingest.up() },
  withFault('hanging (never answers)', { kind: 'hang' }),
  withFault('slow (2 s per answer)', { kind: 'slow', delayMs: 2000 }),
  withFault('HTTP 500', { kind: 'status', status: 500 }),
  withFault('HTTP 413', { kind: 'status', status: 413 }),
  withFault('429 + Retry-After', { kind: 'rate-limit', retryAfterSeconds: BACKOFF_SECONDS }, BACKOFF_SECONDS * 1000),
  withFault(
    '429 + X-Sentry-Rate-Limits (error)',
    { kind: 'rate-limit-header', limits: `${BACKOFF_SECONDS}:error:organization` },
    BACKOFF_SECONDS * 1000,
  ),
  withFault('connection reset mid-request', { kind: 'reset' }),
];
