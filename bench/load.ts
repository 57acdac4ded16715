import autocannon from 'autocannon';
import type { RouteSpec } from './routes';

export interface LoadResult {
  /** Completed requests per second over the run. */
  rps: number;
  p99Ms: number;
  p50Ms: number;
  total: number;
  /** Responses with a 5xx status: each one an error Sentry should have captured. */
  status5xx: number;
  /** Socket errors and timeouts: a healthy run has none. */
  errors: number;
  /** Responses whose status the route should never give (a 404 means the harness is broken). */
  unexpected: number;
}

export interface LoadOptions {
  url: string;
  route: RouteSpec;
  /** Unique per run, so `/throw` ids never repeat. */
  cell: string;
  seconds: number;
  connections: number;
}

/**
 * One autocannon run, programmatic, no printing. `/throw` gets a fresh id per
 * request through `setupRequest`; the other routes use a fixed path, which lets
 * autocannon pre-encode the request.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { route } = options;
  let n = 0;
  const request = route.name === 'throw'
    ? { requests: [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: route.path(options.cell, n++) }) }] }
    : {};
  const result = await autocannon({
    // A fixed path goes in the URL: autocannon's top-level `path` option is not applied.
    url: route.name === 'throw' ? options.url : options.url + route.path(options.cell, 0),
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    ...request,
  });
  const byStatus = Object.entries(result.statusCodeStats ?? {});
  const count = (prefix: string): number =>
    byStatus.filter(([code]) => code.startsWith(prefix)).reduce((sum, [, stat]) => sum + Number(stat.count), 0);
  const status5xx = count('5');
  const total = result.requests.total;
  return {
    rps: total / Math.max(result.duration, 0.001),
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    total,
    status5xx,
    errors: result.errors + result.timeouts,
    unexpected: total - (route.throws ? status5xx : count('2')),
  };
}
