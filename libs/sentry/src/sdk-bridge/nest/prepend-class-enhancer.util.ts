import type { ModulesContainer } from '@nestjs/core';

/**
 * Nest's global enhancers skip some handlers (WebSocket gateways; a hybrid app's
 * microservice without `inheritAppConfig`), so the module binds its filter or
 * interceptor to those classes itself: `enhancer` becomes the first entry of the
 * class-level `metadataKey` list of every provider or controller `applies` picks.
 * Nest tries the list from the end, so the class's own enhancers still come first.
 * An entry bound earlier (recorded in `bound`, e.g. by a previous app in the same
 * process) is replaced; `undefined` only removes it. Must run before `app.init()`.
 */
export function prependClassEnhancer(
  modules: ModulesContainer,
  metadataKey: string,
  enhancer: object | undefined,
  applies: (type: Function) => boolean,
  bound: WeakSet<object>,
): void {
  for (const moduleRef of modules.values()) {
    for (const wrapper of [...moduleRef.providers.values(), ...moduleRef.controllers.values()]) {
      const type = wrapper.metatype;
      if (typeof type !== 'function' || wrapper.isNotMetatype || !applies(type)) continue;
      const current: unknown[] = Reflect.getMetadata(metadataKey, type) ?? [];
      const own = current.filter((entry) => !(typeof entry === 'object' && entry !== null && bound.has(entry)));
      Reflect.defineMetadata(metadataKey, enhancer ? [enhancer, ...own] : own, type);
    }
  }
  if (enhancer) bound.add(enhancer);
}
