import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { CaptureLogger } from './capture-logger';
import type { HttpPlatform, TestApp } from './create-test-app';

/** Like createTestApp, with a hook to configure the app (global prefix, filters) before it listens. */
export async function createFilterTestApp(
  metadata: ModuleMetadata,
  platform: HttpPlatform = 'express',
  configure: (app: INestApplication) => void = () => undefined,
): Promise<TestApp> {
  const logger = new CaptureLogger();
  const moduleRef = await Test.createTestingModule(metadata).setLogger(logger).compile();
  const app =
    platform === 'fastify'
      ? moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger })
      : moduleRef.createNestApplication({ logger });
  configure(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  return { app, logger, url };
}
