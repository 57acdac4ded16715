/**
 * How the test ingest misbehaves, switchable at runtime with `setFault()`.
 * - `status`: answer that status; the envelope is not recorded (unless 2xx).
 * - `rate-limit`: 429 with `Retry-After: <retryAfterSeconds>`.
 * - `rate-limit-header`: `X-Sentry-Rate-Limits: <limits>` on a 429 (default) or the given
 *   status; with a 2xx status the envelope is still recorded, as Sentry does.
 * - `hang`: read the request, never answer (the socket is freed by `down()`/`close()`).
 * - `slow`: answer normally after `delayMs`; the envelope is recorded when answered.
 * - `reset`: read the request, then destroy the socket without answering.
 * @publicApi
 */
export type IngestFault =
  | { kind: 'none' }
  | { kind: 'status'; status: number }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'rate-limit-header'; limits: string; status?: number }
  | { kind: 'hang' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'reset' };

/** What the server does with one request under a fault. */
export type FaultPlan =
  | { action: 'reset' }
  | { action: 'hang' }
  | { action: 'answer'; status: number; headers: Record<string, string>; record: boolean; delayMs: number };

type AnswerPlan = Extract<FaultPlan, { action: 'answer' }>;

const NORMAL: AnswerPlan = { action: 'answer', status: 200, headers: {}, record: true, delayMs: 0 };

/** Maps the current fault to the server's behaviour; no fault answers 200 and records. */
export function planFor(fault: IngestFault | undefined): FaultPlan {
  switch (fault?.kind) {
    case undefined:
    case 'none':
      return NORMAL;
    case 'status':
      return answer(fault.status, {});
    case 'rate-limit':
      return answer(429, { 'retry-after': String(fault.retryAfterSeconds) });
    case 'rate-limit-header':
      return answer(fault.status ?? 429, { 'x-sentry-rate-limits': fault.limits });
    case 'hang':
      return { action: 'hang' };
    case 'slow':
      return { ...NORMAL, delayMs: fault.delayMs };
    case 'reset':
      return { action: 'reset' };
  }
}

// A 2xx still delivers the envelope; anything else means Sentry dropped it.
function answer(status: number, headers: Record<string, string>): FaultPlan {
  return { action: 'answer', status, headers, record: status >= 200 && status < 300, delayMs: 0 };
}

/** Rejects nonsense early, so a typo fails the test that set it rather than a later one. */
export function assertValidFault(fault: IngestFault | undefined): void {
  if (fault === undefined) return;
  const bad = (what: string): never => {
    throw new TypeError(`SentryTestIngest.setFault: invalid ${what} in ${JSON.stringify(fault)}`);
  };
  switch (fault.kind) {
    case 'status':
    case 'rate-limit-header':
      if (fault.status !== undefined && !isStatus(fault.status)) bad('status');
      if (fault.kind === 'rate-limit-header' && typeof fault.limits !== 'string') bad('limits');
      return;
    case 'rate-limit':
      if (!isNonNegative(fault.retryAfterSeconds)) bad('retryAfterSeconds');
      return;
    case 'slow':
      if (!isNonNegative(fault.delayMs)) bad('delayMs');
      return;
    case 'none':
    case 'hang':
    case 'reset':
      return;
    default:
      bad('kind');
  }
}

function isStatus(status: unknown): boolean {
  return Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599;
}

function isNonNegative(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
