import { MetadataScanner, type ModulesContainer } from '@nestjs/core';
import { GATEWAY_METADATA, INTERCEPTORS_METADATA, PATTERN_METADATA } from '../sdk-bridge/nest/nest-metadata-keys';
import { prependClassEnhancer } from '../sdk-bridge/nest/prepend-class-enhancer.util';

/** Interceptors this module put on classes, so a later app in the same process replaces them. */
const boundInterceptors = new WeakSet<object>();

/**
 * Global (APP_INTERCEPTOR) interceptors never reach WebSocket gateways, nor the
 * message handlers of a microservice connected with `connectMicroservice()` without
 * `inheritAppConfig`: their messages would run in no scope of their own. Puts
 * `interceptor` first among the class-level interceptors of every gateway and of
 * every controller with a `@MessagePattern` / `@EventPattern` handler. Where the
 * global one does apply, the second pass is a no-op. Must run before `app.init()`
 * and `connectMicroservice()`; `undefined` only removes an earlier binding.
 */
export function bindToMessageHandlers(modules: ModulesContainer, interceptor: object | undefined): void {
  const scanner = new MetadataScanner();
  prependClassEnhancer(modules, INTERCEPTORS_METADATA, interceptor, (type) => handlesMessages(type, scanner), boundInterceptors);
}

function handlesMessages(type: Function, scanner: MetadataScanner): boolean {
  if (Reflect.getMetadata(GATEWAY_METADATA, type)) return true;
  const prototype = type.prototype as Record<string, unknown> | undefined;
  if (!prototype) return false;
  return scanner
    .getAllMethodNames(prototype)
    .some((name) => Reflect.getMetadata(PATTERN_METADATA, prototype[name] as object) !== undefined);
}
