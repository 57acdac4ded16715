import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { SentryModule } from '@app/sentry';
import { AuthModule } from './auth/auth.module';
import { demoConfig } from './demo.config';
import { HealthModule } from './health/health.module';
import { OrdersModule } from './orders/orders.module';

/**
 * The demo API. `SentryModule.forRootAsync()` reads the `SENTRY_*` variables
 * through `ConfigService` and reuses the client the preload started; it also
 * registers the exception filter (5xx and unexpected errors only) and the
 * interceptor that puts `request.user` and the `@SentryTag`s on each request's scope.
 */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [demoConfig] }),
    SentryModule.forRootAsync(),
    EventEmitterModule.forRoot(),
    AuthModule,
    OrdersModule,
    HealthModule,
  ],
  providers: [
    // whitelist + forbidNonWhitelisted: unknown fields are a 400 too.
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }) },
  ],
})
export class AppModule {}
