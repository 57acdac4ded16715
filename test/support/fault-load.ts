import autocannon from 'autocannon';

/** One fixed-rate load run: latency, not throughput, is what the fault matrix compares. */
export interface LoadRun {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  timeouts: number;
  /** Responses by status, e.g. `{ 200: 150, 500: 150 }`. */
  statuses: Record<string, number>;
}

export interface LoadOptions {
  /** Requests per second across all connections. */
  rate: number;
  durationSeconds: number;
  connections?: number;
  /** Prefix of the thrown errors' messages, so the test can tell runs apart at the ingest. */
  tag: string;
}

/**
 * Alternates the JSON route and the throwing route (each throw has a distinct message, so
 * every one is captured) at a fixed overall rate. Bounded by `durationSeconds`.
 */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadRun> {
  // overallRate is in autocannon 9 but not in the bench's type declaration.
  const config: autocannon.Options & { overallRate: number; timeout: number } = {
    url,
    connections: options.connections ?? 8,
    duration: options.durationSeconds,
    overallRate: options.rate,
    timeout: 10,
    requests: [{ method: 'GET', path: '/fault/json' }, { method: 'GET', path: `/fault/boom?tag=${encodeURIComponent(options.tag)}` }],
  };
  const result = await autocannon(config);
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  return {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}
