import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { BoomController } from './boom.controller.js';
import { OutgoingController } from './outgoing.controller.js';
import { tenantUserMiddleware } from './tenant-user.middleware.js';

// What the consumer check adds next to SentryModule: the throwing route, the user middleware, the outgoing calls.
@Module({ controllers: [BoomController, OutgoingController] })
export class ConsumerCheckModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(tenantUserMiddleware).forRoutes(BoomController);
  }
}
