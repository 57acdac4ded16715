import { Controller, Get, Module, Post } from '@nestjs/common';
import { SentryService } from '@app/sentry';
import { addBreadcrumb, getIsolationScope, logger as sentryLogs, metrics } from '@sentry/core';

/** What the user-hook suite plants; the secrets carry S3CR3T, the documented SDK gap its own tag. */
export const HOOK_PROBE = {
  secretHeader: 'Bearer S3CR3T-H1-user-hook-probe-token',
  message: 'hook probe: login failed for password=S3CR3T-H2-hook-probe',
  scrubbedMessage: 'hook probe: login failed for password=[Filtered]',
  boom: 'boom-in-user-hook',
  hookError: 'the user hook exploded on api_key=S3CR3T-H3-in-hook-error',
  crumbBoom: 'crumb-boom-in-user-hook',
  gapSecret: 'GAP-scope-attribute-api-key-91c2',
  gapLog: 'scrub-hooks gap log',
  gapMetric: 'scrub_hooks.gap',
} as const;

@Controller('hooks')
export class ScrubbingHooksController {
  constructor(private readonly sentry: SentryService) {}

  @Post('capture')
  capture(): never {
    throw new Error(HOOK_PROBE.message);
  }

  @Get('boom')
  boom(): never {
    throw new Error(HOOK_PROBE.boom);
  }

  /** The SDK's own addBreadcrumb, as app code calls it (SentryService would catch a throw itself). */
  @Post('crumb')
  crumb(): { ok: true } {
    addBreadcrumb({ category: 'app', message: HOOK_PROBE.crumbBoom });
    return { ok: true };
  }

  @Post('marker')
  marker(): { eventId: string | undefined } {
    return { eventId: this.sentry.captureMessage('scrub-hooks marker') };
  }

  /** Scope attributes reach logs and metrics after beforeSendLog / beforeSendMetric ran. */
  @Post('gap')
  gap(): { ok: true } {
    getIsolationScope().setAttributes({ api_key: HOOK_PROBE.gapSecret });
    sentryLogs.info(HOOK_PROBE.gapLog);
    metrics.count(HOOK_PROBE.gapMetric, 1);
    return { ok: true };
  }
}

@Module({ controllers: [ScrubbingHooksController] })
export class ScrubbingHooksModule {}
