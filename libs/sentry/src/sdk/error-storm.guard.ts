/** How many events per fingerprint are sent in each window before the rest are only counted. */
export interface ErrorStormOptions {
  /** Events sent per fingerprint per window. @default `errorStormLimit` (10) */
  limit?: number;
  /** Window length. @default `errorStormWindowSeconds` × 1000 (60000) */
  windowMs?: number;
}

export interface StormDecision {
  send: boolean;
  /** Events of this fingerprint suppressed since the last one sent (reported on this one). */
  suppressed: number;
}

const MAX_FINGERPRINTS = 1000;

/** The extra that carries how many repeats were counted but not sent. */
export const STORM_SUPPRESSED_EXTRA = 'error_storm.suppressed';

/**
 * ADR-024's "cost at scale": when one error repeats at full load, only the
 * first few per window are built and sent; the rest are counted, and the
 * count rides on the next event of that fingerprint. The check runs before
 * the SDK builds the event, so a storm costs a map lookup per error.
 */
export class ErrorStormGuard {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly windows = new Map<string, { start: number; sent: number; suppressed: number }>();

  /** Both values come resolved (defaults in SENTRY_DEFAULTS): see `stormGuardFor`. */
  constructor(options: Required<ErrorStormOptions>, private readonly now: () => number = Date.now) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
  }

  decide(exception: unknown): StormDecision {
    const key = fingerprintOf(exception);
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      const carried = window?.suppressed ?? 0;
      if (!window && this.windows.size >= MAX_FINGERPRINTS) this.windows.clear();
      window = { start: now, sent: 0, suppressed: carried };
      this.windows.set(key, window);
    }
    if (window.sent >= this.limit) {
      window.suppressed++;
      return { send: false, suppressed: window.suppressed };
    }
    window.sent++;
    const suppressed = window.suppressed;
    window.suppressed = 0;
    return { send: true, suppressed };
  }
}

/** Type, message and the throwing line: cheap, and stable across repeats of one error. */
export function fingerprintOf(exception: unknown): string {
  if (!(exception instanceof Error)) return `${typeof exception}|${String(exception).slice(0, 200)}`;
  const stack = typeof exception.stack === 'string' ? exception.stack : '';
  const start = stack.indexOf('\n') + 1;
  const end = start > 0 ? stack.indexOf('\n', start) : -1;
  const frame = start > 0 ? stack.slice(start, end === -1 ? undefined : end).trim() : '';
  return `${exception.name}|${exception.message}|${frame}`;
}
