import { getClient, type MonitorConfig } from '@sentry/core';

type OfficialDecorators = typeof import('@sentry/nestjs');
type Wrap = (original: (...args: unknown[]) => unknown, key: string) => (...args: unknown[]) => unknown;

/**
 * `@sentry/nestjs`'s own decorators, from this package. The official one wraps the
 * method on its first call with a client, not at decoration: a disabled module loads
 * nothing of the SDK beyond `@sentry/core`, and without a client the method runs as is.
 */
function deferred(wrap: Wrap): MethodDecorator {
  return (_target, key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (...args: unknown[]) => unknown;
    let wrapped: ((...args: unknown[]) => unknown) | undefined;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      if (!getClient()) return original.apply(this, args);
      wrapped ??= wrap(original, String(key));
      return wrapped.apply(this, args);
    };
    copyNameAndMetadata(original, descriptor.value);
    return descriptor;
  };
}

function official(): OfficialDecorators {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@sentry/nestjs') as OfficialDecorators;
}

function applyOfficial(decorator: (target: unknown, key: string, descriptor: PropertyDescriptor) => unknown): Wrap {
  return (original, key) => {
    const descriptor: PropertyDescriptor = { value: original, writable: true, configurable: true };
    decorator({}, key, descriptor);
    return descriptor.value as (...args: unknown[]) => unknown;
  };
}

// Nest reads its metadata (@Cron, @Catch handlers...) from the function it finds on the class.
function copyNameAndMetadata(from: object, to: object): void {
  Object.defineProperty(to, 'name', { value: (from as { name: string }).name, configurable: true });
  const reflect = Reflect as unknown as {
    getMetadataKeys?: (target: object) => unknown[];
    getMetadata?: (key: unknown, target: object) => unknown;
    defineMetadata?: (key: unknown, value: unknown, target: object) => void;
  };
  if (!reflect.getMetadataKeys || !reflect.getMetadata || !reflect.defineMetadata) return;
  for (const key of reflect.getMetadataKeys(from)) reflect.defineMetadata(key, reflect.getMetadata(key, from), to);
}

/**
 * Sends cron monitor check-ins (in progress, then ok or error) for each run of the method,
 * as `@sentry/nestjs`'s `SentryCron`. Put it above `@Cron(...)`.
 * @publicApi
 */
export function SentryCron(monitorSlug: string, monitorConfig?: MonitorConfig): MethodDecorator {
  return deferred(applyOfficial((...args) => official().SentryCron(monitorSlug, monitorConfig)(...(args as [object, string, PropertyDescriptor]))));
}

/**
 * Runs each call of the method in a span named after it (`op` defaults to `function`),
 * as `@sentry/nestjs`'s `SentryTraced`. Needs tracing on.
 * @publicApi
 */
export function SentryTraced(op?: string): MethodDecorator {
  return deferred(applyOfficial((...args) => official().SentryTraced(op)(...args)));
}

/**
 * On your own exception filter's `catch`: captures what it catches (not 4xx / expected
 * errors), as `@sentry/nestjs`'s `SentryExceptionCaptured`. The module's filter and
 * `SentryLogger` never send that exception a second time.
 * @publicApi
 */
export function SentryExceptionCaptured(): MethodDecorator {
  return deferred(applyOfficial((...args) => official().SentryExceptionCaptured()(...args)));
}
