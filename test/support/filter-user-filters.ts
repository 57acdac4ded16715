import {
  Catch,
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Module,
  Query,
  UseFilters,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { SentryExceptionCaptured } from '@sentry/nestjs';
import { SentryExceptionFilter } from '../../libs/sentry/src/filters/sentry-exception.filter';
import { SentryService } from '../../libs/sentry/src/sentry.service';

/** An expected business error a user's own filter turns into a 402. */
export class PaymentDeclinedError extends Error {
  name = 'PaymentDeclinedError';
}
/** Handled by a user filter that extends SentryExceptionFilter. */
export class LedgerError extends Error {
  name = 'LedgerError';
}
/** Handled by a user filter that captures with SentryService and answers itself. */
export class InventoryError extends Error {
  name = 'InventoryError';
}

/** A plain user filter, global (APP_FILTER): answers 402 and reports nothing. */
@Catch(PaymentDeclinedError)
export class PaymentDeclinedFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}
  catch(exception: PaymentDeclinedError, host: ArgumentsHost): void {
    const body = { statusCode: HttpStatus.PAYMENT_REQUIRED, message: exception.message, handledBy: 'PaymentDeclinedFilter' };
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, HttpStatus.PAYMENT_REQUIRED);
  }
}

/** Extends the Sentry filter and captures first with @sentry/nestjs's decorator: still one event. */
@Catch(LedgerError)
export class LedgerFilter extends SentryExceptionFilter {
  @SentryExceptionCaptured()
  catch(exception: LedgerError, host: ArgumentsHost): unknown {
    return super.catch(exception, host);
  }
}

/** Captures through SentryService with its own extra, then answers itself. */
@Catch(InventoryError)
export class InventoryFilter implements ExceptionFilter {
  constructor(private readonly sentry: SentryService, private readonly adapterHost: HttpAdapterHost) {}
  catch(exception: InventoryError, host: ArgumentsHost): void {
    this.sentry.captureException(exception, { by: 'InventoryFilter' });
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), { statusCode: 503, message: 'try later' }, 503);
  }
}

/**
 * The app's own catch-all (in the root module, so registered before SentryModule's):
 * wraps every HTTP error in an envelope, and still captures by extending the Sentry filter.
 */
@Catch()
export class EnvelopeFilter extends SentryExceptionFilter {
  protected reply(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return super.reply(exception, host);
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    const body = { error: { status, kind: exception instanceof Error ? exception.name : 'Unknown' } };
    this.httpAdapterHost!.httpAdapter.reply(host.switchToHttp().getResponse(), body, status);
    return undefined;
  }
}

@Controller('shop')
@UseFilters(LedgerFilter, InventoryFilter)
export class ShopController {
  @Get('pay')
  pay(@Query('m') marker: string): never {
    throw new PaymentDeclinedError(`declined ${marker}`);
  }

  @Get('ledger')
  ledger(@Query('m') marker: string): never {
    throw new LedgerError(`ledger ${marker}`);
  }

  @Get('inventory')
  inventory(@Query('m') marker: string): never {
    throw new InventoryError(`inventory ${marker}`);
  }
}

/** The user's feature module: a global filter of its own and controller-level filters. */
@Module({
  controllers: [ShopController],
  providers: [{ provide: APP_FILTER, useClass: PaymentDeclinedFilter }],
})
export class ShopModule {}
