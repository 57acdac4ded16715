import { Body, Controller, Module, Post } from '@nestjs/common';
import { SentryService } from '../../libs/sentry/src/sentry.service';

/** A controller that reports through SentryService, used to prove the module is wired. */
@Controller('probe')
export class SentryProbeController {
  constructor(private readonly sentry: SentryService) {}

  @Post('message')
  message(@Body() body: { text: string }): { eventId: string | undefined; enabled: boolean } {
    return { eventId: this.sentry.captureMessage(body.text, 'warning', { probe: true }), enabled: this.sentry.isEnabled() };
  }

  @Post('exception')
  exception(@Body() body: { text: string }): { eventId: string | undefined } {
    return { eventId: this.sentry.captureException(new Error(body.text)) };
  }
}

/** A feature module that does NOT import SentryModule: it only works when SentryModule is global. */
@Module({ controllers: [SentryProbeController] })
export class SentryProbeModule {}
