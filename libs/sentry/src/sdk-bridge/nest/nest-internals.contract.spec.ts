import { Catch, Controller, Get, Injectable, Module, type ExceptionFilter } from '@nestjs/common';
import * as nestConstants from '@nestjs/common/constants';
import { APP_FILTER, ModulesContainer } from '@nestjs/core';
import * as microservicesConstants from '@nestjs/microservices/constants';
import { Test } from '@nestjs/testing';
import * as websocketsConstants from '@nestjs/websockets/constants';
import { ExternalExceptionFilter } from './external-exception-filter';
import {
  appFilterTokenPrefix,
  EXCEPTION_FILTERS_METADATA,
  FILTER_CATCH_EXCEPTIONS,
  GATEWAY_METADATA,
  INTERCEPTORS_METADATA,
  PATTERN_METADATA,
} from './nest-metadata-keys';

/** Each Nest internal the module relies on, checked against the installed Nest: a failure names it. */
describe('sdk-bridge contract: Nest internals', () => {
  it.each([
    ['FILTER_CATCH_EXCEPTIONS (@nestjs/common/constants)', FILTER_CATCH_EXCEPTIONS, nestConstants.FILTER_CATCH_EXCEPTIONS],
    ['EXCEPTION_FILTERS_METADATA (@nestjs/common/constants)', EXCEPTION_FILTERS_METADATA, nestConstants.EXCEPTION_FILTERS_METADATA],
    ['INTERCEPTORS_METADATA (@nestjs/common/constants)', INTERCEPTORS_METADATA, nestConstants.INTERCEPTORS_METADATA],
    ['GATEWAY_METADATA (@nestjs/websockets/constants)', GATEWAY_METADATA, websocketsConstants.GATEWAY_METADATA],
    ['PATTERN_METADATA (@nestjs/microservices/constants)', PATTERN_METADATA, microservicesConstants.PATTERN_METADATA],
  ])('touchpoint %s still has the value the module spells out', (_touchpoint, ours, nests) => {
    expect(ours).toBe(nests);
  });

  it('touchpoint APP_FILTER token prefix: Nest still names each APP_FILTER provider "APP_FILTER (UUID: …)"', async () => {
    @Catch()
    class AppWideFilter implements ExceptionFilter {
      catch(): void {}
    }
    @Controller()
    class PingController {
      @Get() ping(): string {
        return 'pong';
      }
    }
    @Module({ controllers: [PingController], providers: [{ provide: APP_FILTER, useClass: AppWideFilter }] })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const tokens = [...moduleRef.get(ModulesContainer).values()].flatMap((module) => [...module.providers.keys()]);
    const filterTokens = tokens.filter((token) => typeof token === 'string' && token.startsWith(appFilterTokenPrefix(APP_FILTER)));
    await moduleRef.close();
    expect(filterTokens).toHaveLength(1);
  });

  it('touchpoint ExternalExceptionFilter (@nestjs/core/exceptions/external-exception-filter): rethrows what it is given', () => {
    const error = new Error('external');
    expect(() => new ExternalExceptionFilter().catch(error, {} as never)).toThrow(error);
  });

  it('touchpoint @Catch metadata: the types a filter catches are read from FILTER_CATCH_EXCEPTIONS', () => {
    @Injectable()
    @Catch(TypeError)
    class TypeErrorFilter {}
    expect(Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, TypeErrorFilter)).toEqual([TypeError]);
  });
});
