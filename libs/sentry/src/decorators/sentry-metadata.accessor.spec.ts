import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { SentryContext } from './sentry-context.decorator';
import { SentryMetadataAccessor } from './sentry-metadata.accessor';
import { SentryTag, SentryTags } from './sentry-tag.decorator';

@SentryTags({ a: 'class', b: 'class' })
@SentryTag('c', 'class')
@SentryContext('ctx', { from: 'class' })
class Decorated {
  @SentryTag('a', 'method')
  @SentryTag('d', 'top')
  @SentryTags({ d: 'bottom', e: 1, f: true })
  @SentryContext('ctx', { from: 'method' })
  @SentryContext('other', { n: 1 })
  handler(): void {}

  plain(): void {}
}

class Undecorated {
  handler(): void {}
}

@SentryTag('base', 'yes')
class Base {
  @SentryTag('inherited', 'yes')
  shared(): void {}
}

@SentryTag('sub', 'one')
class SubOne extends Base {}

@SentryTag('sub', 'two')
class SubTwo extends Base {}

function contextOf(type: Function, handler: Function): ExecutionContextHost {
  return new ExecutionContextHost([], type as never, handler as never);
}

describe('SentryMetadataAccessor', () => {
  it('merges stacked decorators: method over class; on one element the higher decorator wins', () => {
    const accessor = new SentryMetadataAccessor(new Reflector());
    const metadata = accessor.forHandler(contextOf(Decorated, Decorated.prototype.handler));
    expect(metadata.tags).toEqual({ a: 'method', b: 'class', c: 'class', d: 'top', e: 1, f: true });
    expect(Object.fromEntries(metadata.contexts ?? [])).toEqual({ ctx: { from: 'method' }, other: { n: 1 } });
  });

  it('a handler without decorators gets the class metadata; a class without any gets nothing', () => {
    const accessor = new SentryMetadataAccessor(new Reflector());
    expect(accessor.forHandler(contextOf(Decorated, Decorated.prototype.plain)).tags).toEqual({ a: 'class', b: 'class', c: 'class' });
    expect(accessor.forHandler(contextOf(Undecorated, Undecorated.prototype.handler))).toEqual({});
  });

  it('reads Reflector once per class and handler', () => {
    const reflector = new Reflector();
    const read = jest.spyOn(reflector, 'getAllAndMerge');
    const accessor = new SentryMetadataAccessor(reflector);
    for (let i = 0; i < 5; i++) accessor.forHandler(contextOf(Decorated, Decorated.prototype.handler));
    for (let i = 0; i < 5; i++) accessor.forHandler(contextOf(Undecorated, Undecorated.prototype.handler));
    expect(read).toHaveBeenCalledTimes(4); // tags and contexts, for each of the two handlers
  });

  it('an inherited handler is cached per class: each subclass keeps its own class tags', () => {
    const accessor = new SentryMetadataAccessor(new Reflector());
    expect(accessor.forHandler(contextOf(SubOne, Base.prototype.shared)).tags).toEqual({ base: 'yes', sub: 'one', inherited: 'yes' });
    expect(accessor.forHandler(contextOf(SubTwo, Base.prototype.shared)).tags).toEqual({ base: 'yes', sub: 'two', inherited: 'yes' });
    expect(accessor.forHandler(contextOf(Base, Base.prototype.shared)).tags).toEqual({ base: 'yes', inherited: 'yes' });
  });
});
