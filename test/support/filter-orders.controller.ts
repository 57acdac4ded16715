import {
  Body,
  Controller,
  Get,
  HttpException,
  Injectable,
  Module,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type MiddlewareConsumer,
  type NestModule,
  type PipeTransform,
} from '@nestjs/common';
import { SentryService } from '../../libs/sentry/src/sentry.service';

/** The error every throwing route raises; its message carries the test's marker. */
export class OrderFailedError extends Error {
  name = 'OrderFailedError';
}

@Injectable()
class FailingGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    throw new OrderFailedError(`guard ${context.switchToHttp().getRequest().query.m}`);
  }
}

@Injectable()
class FailingPipe implements PipeTransform {
  transform(value: string): never {
    throw new OrderFailedError(`pipe ${value}`);
  }
}

/** Routes that fail in every way an HTTP request can, used by the exception-filter suites. */
@Controller('orders')
export class FilterOrdersController {
  constructor(private readonly sentry: SentryService) {}

  @Get(':id')
  find(@Param('id') id: string, @Query('m') marker: string): never {
    throw new OrderFailedError(`order ${id} failed ${marker}`);
  }

  @Get(':id/http')
  http(@Query('status') status: string, @Query('m') marker: string): never {
    const code = Number(status);
    if (code === 404) throw new NotFoundException(marker);
    throw new HttpException({ reason: 'upstream down', marker }, code);
  }

  @Get(':id/captured')
  captured(@Query('m') marker: string): never {
    const error = new OrderFailedError(`captured first ${marker}`);
    this.sentry.captureException(error, { by: 'service' });
    throw error;
  }

  @Get(':id/guarded')
  @UseGuards(FailingGuard)
  guarded(): string {
    return 'unreachable';
  }

  @Get('piped/:marker')
  piped(@Param('marker', FailingPipe) marker: string): string {
    return marker;
  }

  @Get('middleware/:marker')
  middleware(): string {
    return 'unreachable';
  }

  /** Captures a message: the later marker that proves an earlier event's absence. */
  @Post('marker')
  marker(@Body() body: { m: string }): { eventId: string | undefined } {
    return { eventId: this.sentry.captureMessage(body.m) };
  }
}

/** Includes a middleware that throws, for the `middleware/:marker` route only. */
@Module({ controllers: [FilterOrdersController] })
export class FilterOrdersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: { url?: string; originalUrl?: string }) => {
        throw new OrderFailedError(`middleware ${req.originalUrl ?? req.url}`);
      })
      .forRoutes('orders/middleware/:marker');
  }
}
