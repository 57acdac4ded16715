import { Body, Controller, Module, Post, UseFilters, UseGuards } from '@nestjs/common';
import { SentryService, SentryTag } from '@app/sentry';
import { ScopeTestAuthGuard } from './scope-auth.guard';
import { HttpCaptureFilter } from './scope-capture.filters';
import { doWork, InFlight, type WorkOrder } from './scope-load';

/** At least this many requests run their handler at once in the HTTP load suites. */
export const HTTP_CROWD = 100;
export const httpInFlight = new InFlight(HTTP_CROWD);

/** The HTTP load suites' route: the isolation workload, behind an auth guard, failing into the test filter. */
@Controller('work')
@SentryTag('suite', 'isolation')
@UseGuards(ScopeTestAuthGuard)
@UseFilters(HttpCaptureFilter)
class WorkController {
  constructor(private readonly sentry: SentryService) {}

  @Post()
  @SentryTag('route', 'work')
  work(@Body() order: Pick<WorkOrder, 'rid' | 'message'>): Promise<never> {
    return doWork(this.sentry, order, httpInFlight);
  }
}

@Module({ controllers: [WorkController] })
export class WorkModule {}
