import type { ModulesContainer } from '@nestjs/core';
import { EXCEPTION_FILTERS_METADATA, GATEWAY_METADATA } from '../sdk-bridge/nest/nest-metadata-keys';
import { prependClassEnhancer } from '../sdk-bridge/nest/prepend-class-enhancer.util';

/** Filters this module put on gateways, so a later app in the same process replaces them. */
const boundFilters = new WeakSet<object>();

/**
 * Nest applies no global filter to WebSocket gateways (their filter context has no
 * global level), so `filter` is added to every gateway class as its outermost
 * class-level filter: the gateway's own method and class filters still come first.
 * Must run before `app.init()` connects the gateways.
 */
export function bindToGateways(modules: ModulesContainer, filter: object): void {
  prependClassEnhancer(modules, EXCEPTION_FILTERS_METADATA, filter, isGateway, boundFilters);
}

function isGateway(type: Function): boolean {
  return Boolean(Reflect.getMetadata(GATEWAY_METADATA, type));
}
