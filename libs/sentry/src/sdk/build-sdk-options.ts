import type { Integration } from '@sentry/core';
import type { NodeOptions } from '@sentry/node';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import type { SentryLog } from '../config/sentry-log';
import { unhandledRejectionIntegration } from './process-errors.integration';
import { leanContextIntegrations } from './app-context.integration';
import { durableTransportOption } from './offline/durable-transport';
import { fetchCallerContextIntegration } from './outgoing/fetch-caller-context.integration';
import { pgQueryBreadcrumbsIntegration } from './pg-query-breadcrumbs.integration';
import { inAppContextLinesIntegration } from './in-app-context-lines.integration';
import { modulesOnceIntegration } from './modules-once.integration';
import { buildPrivacyHooks } from './privacy-hooks';
import { isProfilingEnabled, isTracingEnabled } from './tracing-enabled.util';
import { chooseTraceLifecycle } from './trace-lifecycle';
import { makeLeanHttpTransport } from './lean-http-transport';

/** Turns module options into `Sentry.init` options; the module's values win over `sdkOptions`. */
export function buildSdkOptions(options: ResolvedSentryOptions, logger: SentryLog, integrations: NodeOptions['integrations'] = []): NodeOptions {
  const tracing = isTracingEnabled(options);
  const traceLifecycle = chooseTraceLifecycle(options.sdkOptions, process.env);
  return {
    // Sentry 11 turned this on by default: each captured message would also look like an
    // exception (a synthetic one, grouped apart). Kept as Sentry 10 had it; `sdkOptions` may opt in.
    attachStacktrace: false,
    ...options.sdkOptions,
    dsn: options.dsn || undefined,
    environment: options.environment,
    release: options.release,
    sampleRate: options.sampleRate,
    debug: options.debug,
    serverName: options.serverName,
    maxBreadcrumbs: options.maxBreadcrumbs,
    spotlight: options.spotlight,
    // null, not undefined: undefined makes the SDK read SENTRY_TRACES_SAMPLE_RATE itself and turn tracing on.
    tracesSampleRate: tracing ? options.tracesSampleRate : (null as unknown as undefined),
    tracesSampler: tracing ? options.tracesSampler : undefined,
    traceLifecycle,
    ...(isProfilingEnabled(options)
      ? { profileSessionSampleRate: options.profilesSampleRate, profileLifecycle: 'trace' as const }
      : {}),
    integrations: (defaults) => chooseIntegrations(defaults, options.sdkOptions?.integrations, integrations as Integration[]),
    // Sentry 11 collects more by default than 10 did: client IPs (`user.ip_address`, span
    // `client.address`), bound SQL parameters, response and outgoing bodies. What leaves the
    // process stays what Sentry 10 sent (incoming request bodies, scrubbed); `sdkOptions.dataCollection` can widen it.
    dataCollection: { userInfo: false, databaseQueryData: false, httpBodies: ['incomingRequest'], ...options.sdkOptions?.dataCollection },
    // One TCP connection per envelope (the SDK's default) costs more than the event itself.
    transportOptions: { keepAlive: true, ...options.sdkOptions?.transportOptions },
    // The SDK's transport with a cheaper request and a send timeout (see lean-http-transport.ts).
    transport: options.sdkOptions?.transport ?? makeLeanHttpTransport,
    ...durableTransportOption(options, logger),
    ...buildPrivacyHooks(options, logger, traceLifecycle),
  };
}

/**
 * `Dedupe` drops an event that looks like the one before it: the same error from another
 * request, another tenant, is lost with its context. Repeats are the error-storm guard's job
 * (counted, reported on the next event). Ours come after the defaults, so ours replace the
 * SDK's of the same name, and the user's after ours, so theirs replace ours.
 */
const DROPPED_DEFAULTS: ReadonlySet<string> = new Set(['Dedupe']);

function chooseIntegrations(defaults: Integration[], user: NodeOptions['integrations'], extra: Integration[]): Integration[] {
  const ours = [unhandledRejectionIntegration(), fetchCallerContextIntegration(), pgQueryBreadcrumbsIntegration(), ...leanContextIntegrations(), modulesOnceIntegration(), inAppContextLinesIntegration()];
  const chosen = [...defaults.filter((integration) => !DROPPED_DEFAULTS.has(integration.name)), ...ours, ...(Array.isArray(user) ? user : []), ...extra];
  return typeof user === 'function' ? user(chosen) : chosen;
}
