import { Controller, Module, Param, Post } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { SentryService } from '@app/sentry';

/** The only breadcrumb category a unit of work records itself. */
export const UNIT_CATEGORY = 'unit';

/** One unit of work: a breadcrumb of its own, then an error the module captures. */
function failUnit(sentry: SentryService, rid: string): never {
  sentry.addBreadcrumb(`${rid}:own`, UNIT_CATEGORY);
  throw new Error(`err:${rid}`);
}

@Controller('unit')
class UnitHttpController {
  constructor(private readonly sentry: SentryService) {}

  @Post(':rid')
  fail(@Param('rid') rid: string): never {
    return failUnit(this.sentry, rid);
  }
}

@Controller()
class UnitRpcController {
  constructor(private readonly sentry: SentryService) {}

  @MessagePattern('unit')
  fail(@Payload() message: { rid: string }): never {
    return failUnit(this.sentry, message.rid);
  }
}

@WebSocketGateway()
class UnitGateway {
  constructor(private readonly sentry: SentryService) {}

  @SubscribeMessage('unit')
  fail(@MessageBody() message: { rid: string }): never {
    return failUnit(this.sentry, message.rid);
  }
}

/** An HTTP route, an RPC pattern and a WebSocket message that each fail with `err:<rid>`. */
@Module({ controllers: [UnitHttpController, UnitRpcController], providers: [UnitGateway] })
export class UnitsModule {}
