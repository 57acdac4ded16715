import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { getDefaultIsolationScope, getIsolationScope, Scope, withIsolationScope, type Client } from '@sentry/core';
import { setAsyncLocalStorageAsyncContextStrategy } from '@sentry/server-utils';
import { defer, firstValueFrom, of, type Observable } from 'rxjs';
import type { SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import type { SentryModuleOptions } from '../sentry.options';
import { getRequestIsolationScope, registerRequestScope } from './request-scope.registry';
import { SDK_FORKED_REQUEST_MARK } from '../sdk-bridge/sentry/sentry-internals';
import { SentryScopeInterceptor } from './sentry-scope.interceptor';

class Handlers {
  handle(): void {}
}

function interceptor(options: SentryModuleOptions = {}, enabled = true): SentryScopeInterceptor {
  const sdk = {
    mode: enabled ? 'errors-only' : 'disabled',
    client: enabled ? ({ getOptions: () => ({}) } as unknown as Client) : undefined,
    ownsClient: true,
    options,
  } as unknown as SentrySdkHandle;
  return new SentryScopeInterceptor(sdk, new Reflector());
}

function contextOf(type: 'http' | 'rpc', args: unknown[]): ExecutionContextHost {
  const context = new ExecutionContextHost(args, Handlers, Handlers.prototype.handle);
  context.setType(type);
  return context;
}

/** A handler that reports the isolation scope it runs in, before and after awaits. */
function scopesSeen(): { handle: () => Observable<Scope[]> } {
  return {
    handle: () =>
      defer(async () => {
        const first = getIsolationScope();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await new Promise((resolve) => setImmediate(resolve));
        return [first, getIsolationScope()];
      }),
  };
}

const rpcArgs = (user: unknown) => [{ user }, { transportContext: true }];
const resolveUser = (context: ExecutionContext) => context.switchToRpc().getData<{ user?: { id: string } }>().user;

function run(subject: SentryScopeInterceptor, context: ExecutionContextHost): Promise<Scope[]> {
  return firstValueFrom(subject.intercept(context, scopesSeen())) as Promise<Scope[]>;
}

describe('SentryScopeInterceptor', () => {
  beforeAll(() => setAsyncLocalStorageAsyncContextStrategy());

  it('disabled: hands back next.handle() itself, touching nothing', () => {
    const handled = of('result');
    const next = { handle: jest.fn(() => handled) };
    const resolve = jest.fn();
    expect(interceptor({ resolveUser: resolve }, false).intercept(contextOf('http', [{}]), next)).toBe(handled);
    expect(resolve).not.toHaveBeenCalled();
  });

  it('an RPC message runs in a fresh scope of its own, across awaits, recorded for the filter', async () => {
    const context = contextOf('rpc', rpcArgs({ id: 'm1', tenantId: 't1' }));
    const [first, afterAwaits] = await run(interceptor({ resolveUser }), context);
    expect(first).not.toBe(getDefaultIsolationScope());
    expect(afterAwaits).toBe(first);
    expect(first.getUser()).toEqual({ id: 'm1' });
    expect(first.getScopeData().tags).toEqual({ tenant_id: 't1' });
    expect(getRequestIsolationScope(contextOf('rpc', context.getArgs()))).toBe(first);
  });

  it("never starts from another message's scope, should its async context leak into this one", async () => {
    const leaked = new Scope();
    leaked.setUser({ id: 'someone-else' });
    leaked.setTag('tenant_id', 'other-tenant');
    registerRequestScope({ another: 'message' }, leaked);
    const context = contextOf('rpc', rpcArgs(undefined));
    const [scope] = await withIsolationScope(leaked, () => run(interceptor({ resolveUser }), context));
    expect(scope).not.toBe(leaked);
    expect(scope.getUser()?.id).toBeUndefined();
    expect(scope.getScopeData().tags.tenant_id).toBeUndefined();
  });

  it('HTTP: takes the scope the SDK forked for the request, forks nothing', async () => {
    const request = { [SDK_FORKED_REQUEST_MARK]: true, user: { id: 'h1' } };
    const sdkScope = new Scope();
    const [scope] = await withIsolationScope(sdkScope, () => run(interceptor(), contextOf('http', [request, {}, () => undefined])));
    expect(scope).toBe(sdkScope);
    expect(sdkScope.getUser()).toEqual({ id: 'h1' });
  });

  it("HTTP the SDK did not fork: a wrapper's scope is left alone, the request gets its own", async () => {
    const wrapper = new Scope();
    const request = { raw: {}, user: { id: 'h2' } };
    const [scope] = await withIsolationScope(wrapper, () => run(interceptor(), contextOf('http', [request, {}, () => undefined])));
    expect(scope).not.toBe(wrapper);
    expect(scope.getUser()).toEqual({ id: 'h2' });
    expect(wrapper.getUser()).toEqual({});
  });
});
