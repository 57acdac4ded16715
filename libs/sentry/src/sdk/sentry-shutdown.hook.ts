import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SENTRY_LOGGER_CONTEXT, SENTRY_SDK } from '../sentry.internal-constants';
import { SENTRY_MESSAGES } from '../sentry.messages';
import { markClientClosed } from './init-sentry-sdk';
import type { SentrySdkHandle } from './sentry-sdk-handle';

/**
 * Delivers pending events at `app.close()` (and SIGTERM with `enableShutdownHooks`),
 * never waiting longer than `shutdownTimeoutMs`. A preloaded client is only
 * flushed: whoever initialised it owns its lifetime.
 */
@Injectable()
export class SentryShutdownHook implements OnApplicationShutdown {
  private readonly logger = new Logger(SENTRY_LOGGER_CONTEXT);

  constructor(@Inject(SENTRY_SDK) private readonly sdk: SentrySdkHandle) {}

  async onApplicationShutdown(): Promise<void> {
    const { client, ownsClient, options } = this.sdk;
    if (!client) return;
    const timeoutMs = options.shutdownTimeoutMs;
    try {
      const drained = ownsClient ? client.close(timeoutMs) : client.flush(timeoutMs);
      if (ownsClient) markClientClosed(client);
      const delivered = await withDeadline(Promise.resolve(drained), timeoutMs + 250);
      if (!delivered) this.logger.warn(SENTRY_MESSAGES.flushTimedOut(timeoutMs));
    } catch (error) {
      this.logger.warn(SENTRY_MESSAGES.flushTimedOut(timeoutMs) + `: ${String(error)}`);
    }
  }
}

/** The SDK bounds its own flush; this guards against a transport that never settles. */
function withDeadline(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
