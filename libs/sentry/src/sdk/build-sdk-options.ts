import type { NodeOptions } from '@sentry/node';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import type { SentryLog } from '../logging/sentry-log';
import { unhandledRejectionIntegration } from '../filters/process-errors.integration';
import { leanContextIntegrations } from './app-context.integration';
import { durableTransportOption } from './offline/durable-transport';
import { inAppContextLinesIntegration } from './in-app-context-lines.integration';
import { modulesOnceIntegration } from './modules-once.integration';
import { buildPrivacyHooks } from './privacy-hooks';
import { isProfilingEnabled, isTracingEnabled } from './tracing-enabled.util';
import { sendTimeoutHttpModule } from './transport-send-timeout';

/** Turns module options into `Sentry.init` options; the module's values win over `sdkOptions`. */
export function buildSdkOptions(options: ResolvedSentryOptions, logger: SentryLog, integrations: NodeOptions['integrations'] = []): NodeOptions {
  const tracing = isTracingEnabled(options);
  return {
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
    ...(isProfilingEnabled(options)
      ? { profileSessionSampleRate: options.profilesSampleRate, profileLifecycle: 'trace' as const }
      : {}),
    // Ours first, so the user's own onUnhandledRejectionIntegration (same name) replaces it.
    integrations: [
      unhandledRejectionIntegration(),
      ...leanContextIntegrations(),
      modulesOnceIntegration(),
      inAppContextLinesIntegration(),
      ...(Array.isArray(options.sdkOptions?.integrations) ? options.sdkOptions.integrations : []),
      ...(integrations as []),
    ],
    // One TCP connection per envelope (the SDK's default) costs more than the event itself.
    // A hanging ingest must not hold the transport's sockets forever (see transport-send-timeout.ts).
    transportOptions: { keepAlive: true, httpModule: sendTimeoutHttpModule(), ...options.sdkOptions?.transportOptions },
    ...durableTransportOption(options, logger),
    ...buildPrivacyHooks(options, logger),
  };
}
