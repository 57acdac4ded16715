import { EXCEPTION_FILTERS_METADATA } from '@nestjs/common/constants';
import type { ModulesContainer } from '@nestjs/core';

/** `GATEWAY_METADATA` of @nestjs/websockets, spelled out: that package is optional. */
const GATEWAY_METADATA = 'websockets:is_gateway';

/** Filters this module put on gateways, so a later app in the same process replaces them. */
const boundFilters = new WeakSet<object>();

/**
 * Nest applies no global filter to WebSocket gateways (their filter context has no
 * global level), so `filter` is added to every gateway class as its outermost
 * class-level filter: the gateway's own method and class filters still come first.
 * Must run before `app.init()` connects the gateways.
 */
export function bindToGateways(modules: ModulesContainer, filter: object): void {
  for (const moduleRef of modules.values()) {
    for (const wrapper of moduleRef.providers.values()) {
      const gateway = wrapper.metatype;
      if (typeof gateway !== 'function' || wrapper.isNotMetatype || !Reflect.getMetadata(GATEWAY_METADATA, gateway)) continue;
      const current: unknown[] = Reflect.getMetadata(EXCEPTION_FILTERS_METADATA, gateway) ?? [];
      const own = current.filter((entry) => !(typeof entry === 'object' && entry !== null && boundFilters.has(entry)));
      // First in the list is tried last: Nest reverses it.
      Reflect.defineMetadata(EXCEPTION_FILTERS_METADATA, [filter, ...own], gateway);
    }
  }
  boundFilters.add(filter);
}
