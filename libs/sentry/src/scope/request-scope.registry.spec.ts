import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Scope, withIsolationScope } from '@sentry/core';
import { setAsyncLocalStorageAsyncContextStrategy } from '@sentry/server-utils';
import { getRequestIsolationScope, isClaimedByAnother, ownerOf, registerRequestScope, requestKeyOf } from './request-scope.registry';

function host(type: string, args: unknown[]): ExecutionContextHost {
  const context = new ExecutionContextHost(args);
  context.setType(type);
  return context;
}

describe('request scope registry', () => {
  // What the light SDK's init does: real async scopes, so withIsolationScope sets the scope given.
  beforeAll(() => setAsyncLocalStorageAsyncContextStrategy());

  const request = { url: '/x' };
  const tcpContext = { args: [] };
  const data = { rid: 1 };
  const ack = (): void => undefined;

  it('keys: HTTP request, RPC context (else data), WS data object (else the ack)', () => {
    expect(requestKeyOf(host('http', [request, {}, () => undefined]))).toBe(request);
    expect(requestKeyOf(host('rpc', [data, tcpContext]))).toBe(tcpContext);
    expect(requestKeyOf(host('rpc', [data, undefined]))).toBe(data);
    expect(requestKeyOf(host('rpc', [7, undefined]))).toBeUndefined();
    expect(requestKeyOf(host('ws', [{ id: 'socket' }, data, 'pattern']))).toBe(data);
    expect(requestKeyOf(host('ws', [{ id: 'socket' }, 'text', ack, 'pattern']))).toBe(ack);
    expect(requestKeyOf(host('ws', [{ id: 'socket' }, 'text', 'pattern']))).toBeUndefined();
    expect(requestKeyOf(host('graphql', [{}, {}, {}, {}]))).toBeUndefined();
  });

  it('finds the scope from a new host over the same objects (Nest rebuilds the args array for the filter)', () => {
    const scope = new Scope();
    registerRequestScope(request, scope);
    expect(getRequestIsolationScope(host('http', [request, {}, () => undefined]))).toBe(scope);
    expect(getRequestIsolationScope(host('http', [{ url: '/other' }, {}, () => undefined]))).toBeUndefined();
    expect(ownerOf(scope)).toBe(request);
    expect(isClaimedByAnother(scope, request)).toBe(false);
    expect(isClaimedByAnother(scope, { url: '/y' })).toBe(true);
    expect(isClaimedByAnother(new Scope(), request)).toBe(false);
  });

  it('no key object: the current isolation scope, only when the interceptor gave it to a message', () => {
    const keyless = host('ws', [{ id: 'socket' }, 'text', 'pattern']);
    const given = new Scope();
    registerRequestScope(undefined, given);
    expect(withIsolationScope(given, () => getRequestIsolationScope(keyless))).toBe(given);
    expect(withIsolationScope(new Scope(), () => getRequestIsolationScope(keyless))).toBeUndefined();
  });

  it('a key object that was never registered does not fall back to the current scope', () => {
    const given = new Scope();
    registerRequestScope(undefined, given);
    expect(withIsolationScope(given, () => getRequestIsolationScope(host('http', [{ url: '/never' }])))).toBeUndefined();
  });
});
