/** Marks the module's wrappers, so a class shared by several apps (or modules) is wrapped once. */
const ORIGINAL = Symbol('sentry.background.original');

type Method = (...args: unknown[]) => unknown;

/** The method the wrapper at `prototype[key]` calls, or undefined when it is not ours. */
export function unwrapped(fn: unknown): Function | undefined {
  return typeof fn === 'function' ? (fn as { [ORIGINAL]?: Function })[ORIGINAL] : undefined;
}

/**
 * Defines `prototype[key]` as `wrap(original)`, keeping the name and every reflect-metadata
 * entry of `original`: the scheduler, the emitter and BullMQ read their decorators' metadata
 * from `instance[key]`, so they must still find it on the wrapper. A wrapper a base class
 * holds is not reused: the subclass gets its own (its queue name may differ).
 */
export function wrapPrototypeMethod(prototype: object, key: string, original: Function, wrap: (original: Method) => Method): boolean {
  if (unwrapped(Object.getOwnPropertyDescriptor(prototype, key)?.value)) return false;
  const wrapper = wrap(original as Method);
  for (const metadataKey of Reflect.getOwnMetadataKeys(original)) {
    Reflect.defineMetadata(metadataKey, Reflect.getOwnMetadata(metadataKey, original), wrapper);
  }
  Object.defineProperty(wrapper, 'name', { value: original.name || key, configurable: true });
  Object.defineProperty(wrapper, ORIGINAL, { value: original });
  Object.defineProperty(prototype, key, { value: wrapper, writable: true, configurable: true, enumerable: false });
  return true;
}
