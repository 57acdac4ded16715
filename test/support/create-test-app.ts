import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { CaptureLogger } from './capture-logger';

export type HttpPlatform = 'express' | 'fastify';

export interface TestApp {
  app: INestApplication;
  logger: CaptureLogger;
  /** The base URL the app listens on (loopback, free port). */
  url: string;
}

/** Builds a real Nest app from module metadata, listening on a free loopback port. */
export async function createTestApp(metadata: ModuleMetadata, platform: HttpPlatform = 'express'): Promise<TestApp> {
  const logger = new CaptureLogger();
  const moduleRef = await Test.createTestingModule(metadata).setLogger(logger).compile();
  const app =
    platform === 'fastify'
      ? moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger })
      : moduleRef.createNestApplication({ logger });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  return { app, logger, url };
}
