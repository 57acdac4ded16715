import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { MeController } from './me.controller';

/** Every route needs a demo key unless marked `@Public()`. */
@Module({
  controllers: [MeController],
  providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }],
})
export class AuthModule {}
