import {
  Catch,
  HttpException,
  Injectable,
  NotFoundException,
  UseFilters,
  UseGuards,
  type ArgumentsHost,
  type CanActivate,
  type ExceptionFilter,
  type ExecutionContext,
} from '@nestjs/common';
import { MessageBody, SubscribeMessage, WebSocketGateway, WsException } from '@nestjs/websockets';
import { SentryService } from '../../libs/sentry/src/sentry.service';
import { OrderFailedError } from './filter-orders.controller';

@Injectable()
class FailingWsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    throw new OrderFailedError(`ws guard ${context.switchToWs().getData<string>()}`);
  }
}

/** An expected error the gateway's own filter answers. */
export class QuotaExceededError extends Error {}

@Catch(QuotaExceededError)
class QuotaFilter implements ExceptionFilter {
  catch(exception: QuotaExceededError, host: ArgumentsHost): void {
    host.switchToWs().getClient<{ emit: (event: string, data: unknown) => void }>().emit('quota', { message: exception.message });
  }
}

/** Message handlers that fail in every way a WebSocket message can, for the gateway suite. */
@WebSocketGateway()
@UseFilters(QuotaFilter)
export class FilterEventsGateway {
  constructor(private readonly sentry: SentryService) {}

  @SubscribeMessage('order.fail')
  fail(@MessageBody() marker: string): never {
    throw new OrderFailedError(`ws ${marker}`);
  }

  @SubscribeMessage('order.rejected')
  rejected(@MessageBody() marker: string): never {
    throw new WsException(`rejected ${marker}`);
  }

  @SubscribeMessage('order.http')
  http(@MessageBody() body: { status: number; marker: string }): never {
    throw body.status === 404 ? new NotFoundException(body.marker) : new HttpException(body.marker, body.status);
  }

  @SubscribeMessage('order.guarded')
  @UseGuards(FailingWsGuard)
  guarded(): string {
    return 'unreachable';
  }

  @SubscribeMessage('order.captured')
  captured(@MessageBody() marker: string): never {
    const error = new OrderFailedError(`ws captured ${marker}`);
    this.sentry.captureException(error, { by: 'service' });
    throw error;
  }

  @SubscribeMessage('order.quota')
  quota(@MessageBody() marker: string): never {
    throw new QuotaExceededError(`quota ${marker}`);
  }

  @SubscribeMessage('ok')
  ok(@MessageBody() marker: string): { echo: string } {
    return { echo: marker };
  }

  /** The later marker that proves an earlier event's absence (acknowledged with the event id). */
  @SubscribeMessage('marker')
  marker(@MessageBody() marker: string): string | undefined {
    return this.sentry.captureMessage(marker);
  }
}
