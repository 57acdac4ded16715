import {
  Controller,
  HttpException,
  Injectable,
  NotFoundException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { EventPattern, MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { SentryTag } from '../../libs/sentry/src/decorators/sentry-tag.decorator';
import { SentryService } from '../../libs/sentry/src/sentry.service';
import { OrderFailedError } from './filter-orders.controller';

@Injectable()
class FailingRpcGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    throw new OrderFailedError(`rpc guard ${context.switchToRpc().getData<string>()}`);
  }
}

/** Message handlers that fail in every way an RPC call can, for the microservice suite. */
@Controller()
export class FilterRpcController {
  constructor(private readonly sentry: SentryService) {}

  @MessagePattern({ cmd: 'fail' })
  @SentryTag('order.flow', 'rpc')
  fail(@Payload() marker: string): never {
    throw new OrderFailedError(`rpc ${marker}`);
  }

  @MessagePattern({ cmd: 'rpc-exception' })
  rpcException(@Payload() marker: string): never {
    throw new RpcException({ code: 'BAD_ORDER', marker });
  }

  @MessagePattern({ cmd: 'http' })
  http(@Payload() body: { status: number; marker: string }): never {
    throw body.status === 404 ? new NotFoundException(body.marker) : new HttpException(body.marker, body.status);
  }

  @MessagePattern({ cmd: 'guarded' })
  @UseGuards(FailingRpcGuard)
  guarded(): string {
    return 'unreachable';
  }

  @MessagePattern({ cmd: 'captured' })
  captured(@Payload() marker: string): never {
    const error = new OrderFailedError(`rpc captured ${marker}`);
    this.sentry.captureException(error, { by: 'service' });
    throw error;
  }

  @EventPattern('order.created')
  onOrderCreated(@Payload() marker: string): void {
    throw new OrderFailedError(`rpc event ${marker}`);
  }

  @MessagePattern({ cmd: 'ok' })
  ok(@Payload() marker: string): { echo: string } {
    return { echo: marker };
  }

  /** The later marker that proves an earlier event's absence. */
  @MessagePattern({ cmd: 'marker' })
  marker(@Payload() marker: string): string | undefined {
    return this.sentry.captureMessage(marker);
  }
}
