import type { ExceptionFilter } from '@nestjs/common';
import { appFilterTokenPrefix, FILTER_CATCH_EXCEPTIONS } from '../sdk-bridge/nest/nest-metadata-keys';
import { APP_FILTER, type ModulesContainer } from '@nestjs/core';

type Filter = ExceptionFilter & object;

/**
 * Nest tries global filters last-registered first, and registers APP_FILTER
 * providers in module scan order: the root module's own before those of the
 * modules it imports. The catch-all filter of SentryModule would then hide an
 * APP_FILTER of the app. These are the APP_FILTER instances registered before
 * `self`, in the order Nest would have tried them had Sentry's come first (the
 * order Sentry recommends for its own filter). Empty when `self` is no APP_FILTER.
 */
export function findShadowedFilters(modules: ModulesContainer, self: object): Filter[] {
  const prefix = appFilterTokenPrefix(APP_FILTER);
  const registered: unknown[] = [];
  for (const moduleRef of modules.values()) {
    for (const [token, wrapper] of moduleRef.providers) {
      if (typeof token === 'string' && token.startsWith(prefix) && wrapper.isDependencyTreeStatic()) registered.push(wrapper.instance);
    }
  }
  const index = registered.indexOf(self);
  if (index < 0) return [];
  return registered.slice(0, index).filter(isFilter).reverse();
}

/** The filter's `@Catch()` list admits the exception (an empty list catches everything). */
export function catchesException(filter: Filter, exception: unknown): boolean {
  const types: Array<abstract new (...args: never[]) => unknown> =
    Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, Object.getPrototypeOf(filter)) ??
    Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, filter.constructor) ??
    [];
  return types.length === 0 || types.some((type) => exception instanceof type);
}

function isFilter(value: unknown): value is Filter {
  return typeof (value as Partial<ExceptionFilter> | null)?.catch === 'function';
}
