import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { startSpan } from '@sentry/core';
import { SentryService } from '../../libs/sentry/src/sentry.service';
import { PATHOLOGICAL_PAYLOADS, type PathologicalKind } from './dependency-payloads';

/** Reports pathological payloads through SentryService, as an app's own code would. */
@Controller('faults')
export class DependencyFaultsController {
  constructor(private readonly sentry: SentryService) {}

  @Get('health')
  health(): { ok: true } {
    return { ok: true };
  }

  /** One payload everywhere the app can put data: breadcrumb data, a context, extra, the message. */
  @Post('payload/:kind')
  @HttpCode(200)
  payload(@Param('kind') kind: PathologicalKind): { eventId: string | undefined; buildMs: number } {
    const started = performance.now();
    const { message, data } = PATHOLOGICAL_PAYLOADS[kind]();
    // What building the payload itself costs, so the figures can tell it from the module's cost.
    const buildMs = performance.now() - started;
    this.sentry.setTag('pathological', kind);
    this.sentry.addBreadcrumb(`before ${kind}`, 'faults', 'info', data);
    this.sentry.setContext('payload', data);
    return { eventId: this.sentry.captureException(new Error(message), data), buildMs };
  }

  /** The request body itself is the payload: the global filter reports the error with it. */
  @Post('body')
  body(@Body() _body: unknown): never {
    this.sentry.setTag('pathological', 'request-body');
    throw new Error('pathological request body');
  }

  /** A transaction, for the user's beforeSendTransaction; its name holds a secret. */
  @Get('span')
  span(): { ok: true } {
    return startSpan({ name: 'faults span token=S3CR3T-span-name', forceTransaction: true }, () => ({ ok: true }));
  }

  /** A breadcrumb the user's beforeBreadcrumb throws on, then an event. */
  @Post('crumb-then-event')
  @HttpCode(200)
  crumbThenEvent(): { eventId: string | undefined } {
    this.sentry.addBreadcrumb('user hook explodes here', 'faults', 'info', { password: 'S3CR3T-crumb' });
    return { eventId: this.sentry.captureMessage('after the throwing breadcrumb hook token=S3CR3T-after', 'warning') };
  }
}

@Module({ controllers: [DependencyFaultsController] })
export class DependencyFaultsModule {}
