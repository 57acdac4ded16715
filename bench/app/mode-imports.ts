import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { BenchMode } from './bench-modes';

export interface ModeWiring {
  imports: DynamicModule[];
  providers: Provider[];
}

/*
 * Required lazily, per mode: the bare app must not even load a Sentry package,
 * and the official app must not load ours (or the other way round).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export function wiringFor(mode: BenchMode, dsn: string): ModeWiring {
  switch (mode) {
    case 'bare':
      return { imports: [], providers: [] };
    case 'official':
    case 'official-tracing-0.1': {
      const setup = require('@sentry/nestjs/setup') as typeof import('@sentry/nestjs/setup');
      return {
        imports: [setup.SentryModule.forRoot()],
        providers: [{ provide: APP_FILTER, useClass: setup.SentryGlobalFilter }],
      };
    }
    case 'ours-disabled':
      return { imports: [ours().forRoot({})], providers: [] };
    case 'ours-errors':
      return { imports: [ours().forRoot({ dsn, tracesSampleRate: 0 })], providers: [] };
    case 'ours-tracing-0.1':
    case 'ours-tracing-1.0':
      // Profiling off: the SDK draws profileSessionSampleRate once per process, so
      // the module default (0.1) would make one run in ten profile everything.
      return {
        imports: [ours().forRoot({ dsn, tracesSampleRate: mode === 'ours-tracing-0.1' ? 0.1 : 1, profilesSampleRate: 0 })],
        providers: [],
      };
    case 'sdk-floor': {
      const floor = require('./sdk-floor.filter') as typeof import('./sdk-floor.filter');
      floor.initSdkFloor(dsn);
      return { imports: [], providers: [{ provide: APP_FILTER, useClass: floor.SdkFloorFilter }] };
    }
  }
}

function ours(): typeof import('../../libs/sentry/src').SentryModule {
  return (require('../../libs/sentry/src') as typeof import('../../libs/sentry/src')).SentryModule;
}
