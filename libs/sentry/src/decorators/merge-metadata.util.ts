/** A decorator that fits a controller class or a handler method. */
export type ClassOrMethodDecorator = ClassDecorator & MethodDecorator;

/**
 * Like `SetMetadata`, but merges a record into what is already there instead of
 * overwriting it, so stacked decorators all apply. Decorators run bottom-up: on
 * the same key, the one written higher wins (as `SetMetadata` would).
 */
export function mergeRecordMetadata(metadataKey: string, record: Readonly<Record<string, unknown>>): ClassOrMethodDecorator {
  return (target: object, _propertyKey?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const holder = descriptor ? (descriptor.value as object) : target;
    // getMetadata (not getOwnMetadata): a subclass extends its base class's record.
    const existing = Reflect.getMetadata(metadataKey, holder) as Record<string, unknown> | undefined;
    Reflect.defineMetadata(metadataKey, { ...existing, ...record }, holder);
  };
}
