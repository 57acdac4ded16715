import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { Controller } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { WebSocketGateway } from '@nestjs/websockets';
import { bindToMessageHandlers } from './message-handler-binding';

@WebSocketGateway()
class Gateway {}

@Controller()
class MessageController {
  @MessagePattern('sum')
  sum(): void {}
}

@Controller()
class HttpController {
  get(): void {}
}

class Existing {
  intercept(): void {}
}

function modules(): ModulesContainer {
  const wrapper = (metatype: unknown) => ({ metatype, isNotMetatype: false });
  const moduleRef = {
    providers: new Map([['Gateway', wrapper(Gateway)]]),
    controllers: new Map([
      ['MessageController', wrapper(MessageController)],
      ['HttpController', wrapper(HttpController)],
    ]),
  };
  return new Map([['AppModule', moduleRef]]) as unknown as ModulesContainer;
}

const interceptorsOf = (type: Function): unknown[] => Reflect.getMetadata(INTERCEPTORS_METADATA, type) ?? [];

describe('bindToMessageHandlers', () => {
  beforeAll(() => Reflect.defineMetadata(INTERCEPTORS_METADATA, [Existing], MessageController));

  it('puts the interceptor first on gateways and message controllers, not on HTTP-only controllers', () => {
    const first = { intercept: () => undefined };
    bindToMessageHandlers(modules(), first);
    expect(interceptorsOf(Gateway)).toEqual([first]);
    expect(interceptorsOf(MessageController)).toEqual([first, Existing]);
    expect(interceptorsOf(HttpController)).toEqual([]);
  });

  it('a later app replaces the earlier instance; undefined only removes it', () => {
    const second = { intercept: () => undefined };
    bindToMessageHandlers(modules(), second);
    expect(interceptorsOf(MessageController)).toEqual([second, Existing]);
    bindToMessageHandlers(modules(), undefined);
    expect(interceptorsOf(MessageController)).toEqual([Existing]);
    expect(interceptorsOf(Gateway)).toEqual([]);
  });
});
