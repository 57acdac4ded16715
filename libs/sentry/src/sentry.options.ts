import type { ArgumentsHost } from '@nestjs/common';
import type { NodeOptions } from '@sentry/node';
import type { ScrubbingOptions } from './scrubbing/scrubbing-options';

/** What `resolveUser` returns: the principal of the current request. @publicApi */
export interface SentryPrincipal {
  id: string | number;
  tenantId?: string | number;
  email?: string;
  username?: string;
}

/**
 * Options of `SentryModule`. The Sentry fields keep the SDK's names
 * (https://docs.sentry.io/platforms/javascript/guides/nestjs/configuration/options/);
 * the rest are the module's own. Every field is optional: `forRootAsync()` with no
 * arguments fills them from the `SENTRY_*` environment variables.
 * @publicApi
 */
export interface SentryModuleOptions {
  /** Project DSN. Empty or missing disables error tracking. @default '' */
  dsn?: string;
  /** @default 'development' */
  environment?: string;
  /** @default APP_VERSION, else the `version` of the app's package.json */
  release?: string;
  /** Share of requests traced, 0..1. 0 loads no tracing machinery at all. @default 0.1 */
  tracesSampleRate?: number;
  /** Per-transaction sampling decision; takes precedence over `tracesSampleRate`. */
  tracesSampler?: NodeOptions['tracesSampler'];
  /** Share of traced requests that are also profiled, 0..1 (needs tracing). @default 0.1 */
  profilesSampleRate?: number;
  /** Share of error events sent, 0..1. @default 1 */
  sampleRate?: number;
  /** Print the SDK's own debug log. @default false */
  debug?: boolean;
  /** Master switch: false keeps the module a no-op even with a DSN. @default true */
  enabled?: boolean;
  /** Reported as `server_name`. @default the host name (SDK default) */
  serverName?: string;
  /** @default 100 */
  maxBreadcrumbs?: number;
  /** Send events to Spotlight (true = http://localhost:8969/stream, or a URL). @default false */
  spotlight?: boolean | string;
  /** Send Nest log lines (through `SentryLogger`) as Sentry Logs, scrubbed like events. @default false */
  enableLogs?: boolean;
  /** Bound on flushing pending events at `app.close()`. @default 2000 */
  shutdownTimeoutMs?: number;
  /** Throw at boot on invalid configuration instead of logging and carrying on. @default false */
  strict?: boolean;
  /**
   * Opt-in durable queue: envelopes that cannot be sent are kept as files in this directory
   * and sent when the ingest is back, also by the next process (docs/offline-queue.md).
   * One directory per process. @default unset (off)
   */
  offlineDir?: string;
  /** Envelopes kept in `offlineDir`; more are refused and counted. @default 1000 */
  offlineMaxEvents?: number;
  /** Queued envelopes older than this are dropped and counted. @default 24 */
  offlineMaxAgeHours?: number;
  /** Total size of `offlineDir`'s queue; more is refused and counted. @default 50 */
  offlineMaxMegabytes?: number;

  /** Register the global exception filter (APP_FILTER). @default true */
  registerExceptionFilter?: boolean;
  /** HttpExceptions with a status at or above this are captured. @default 500 */
  captureStatusThreshold?: number;
  /** Exception classes never captured. */
  ignoreExceptions?: Array<abstract new (...args: never[]) => unknown>;
  /** Final say on capture; return false to skip an exception. */
  shouldCapture?: (exception: unknown, host: ArgumentsHost) => boolean;

  /**
   * The scope interceptor (APP_INTERCEPTOR): an isolation scope per request and message,
   * the user/tenant, and the `@SentryTag` / `@SentryContext` metadata. false turns it off
   * everywhere, also where bound with `@UseInterceptors`. @default true
   */
  registerScopeInterceptor?: boolean;
  /**
   * Resolves the principal of a request; runs after guards. Throwing is caught (the event
   * goes without a user). @default `defaultResolveUser`: HTTP `request.user` (Passport style),
   * WebSocket `client.data.user`
   */
  resolveUser?: (context: import('@nestjs/common').ExecutionContext) => SentryPrincipal | undefined | null;
  /**
   * The principal of a background run (`@Cron` / `@Interval` / `@Timeout`, `@OnEvent`, BullMQ
   * `process()` and worker events), from its payload: the BullMQ `Job` (read `job.data`), the
   * event payload (first argument), `undefined` for scheduler runs. `@SentryJobPrincipal` on a
   * handler merges over it. Throwing is caught (the run goes without a user).
   * @default unset: only `@SentryJobPrincipal` gives runs a user and tenant
   */
  resolveJobPrincipal?: import('./background/job-principal.resolver').ResolveJobPrincipal;
  /**
   * Opt-in: HTTP header carrying the tenant id (client-controlled, so off by default). Used
   * only when the principal has no tenant; values Sentry would reject as a tag are ignored.
   */
  tenantHeader?: string;

  /** Scrubbing rules added to the built-in ones. */
  scrubbing?: ScrubbingOptions;
  /**
   * Scrub personal data (IP addresses, emails, phone numbers, keys such as `dob` or `street`)
   * besides secrets: `scrubbing.personalData`, settable from the environment. A
   * `scrubbing.personalData` given in code wins. @default true
   */
  scrubPersonalData?: boolean;

  /**
   * Error-storm guard: per fingerprint (type, message, throwing line) only this many events per
   * window are sent; the rest are counted and the count rides on the next one sent (extra
   * `error_storm.suppressed`). 0 turns the guard off. @default 10
   */
  errorStormLimit?: number;
  /** The error-storm guard's window. @default 60 */
  errorStormWindowSeconds?: number;
  /**
   * The same guard in code: `false` turns it off; `{ limit, windowMs }` wins over
   * `errorStormLimit` / `errorStormWindowSeconds`.
   */
  errorStorm?: import('./sdk/error-storm.guard').ErrorStormOptions | false;

  /** Your own hooks; they run after scrubbing, on scrubbed data. */
  beforeSend?: NodeOptions['beforeSend'];
  beforeSendTransaction?: NodeOptions['beforeSendTransaction'];
  beforeBreadcrumb?: NodeOptions['beforeBreadcrumb'];
  /** Any other `Sentry.init` option, passed through as is (our hooks still wrap yours). */
  sdkOptions?: Partial<NodeOptions>;
}

/** Implemented by a `forRootAsync({ useClass | useExisting })` options factory. @publicApi */
export interface SentryOptionsFactory {
  createSentryOptions(): SentryModuleOptions | Promise<SentryModuleOptions>;
}
