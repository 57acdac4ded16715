import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { defaultResolveUser, principalFromUser } from './default-user.resolver';

function context(type: 'http' | 'rpc' | 'ws', args: unknown[]): ExecutionContextHost {
  const host = new ExecutionContextHost(args);
  host.setType(type);
  return host;
}

describe('principalFromUser', () => {
  it.each([
    [{ id: 'u', tenantId: 't', email: 'e@x', username: 'n' }, { id: 'u', tenantId: 't', email: 'e@x', username: 'n' }],
    [{ sub: 's', tenant_id: 't2' }, { id: 's', tenantId: 't2' }],
    [{ userId: 3, tenant: { id: 4 } }, { id: 3, tenantId: 4 }],
    [{ id: '', sub: 'fallback' }, { id: 'fallback' }],
    [{ id: 'u', preferred_username: 'oidc' }, { id: 'u', username: 'oidc' }],
    [{ id: 'u', tenantId: '', tenant_id: 'second' }, { id: 'u', tenantId: 'second' }],
    [{ id: 'u', email: 42, username: ' ' }, { id: 'u' }],
    [{ id: Number.NaN, sub: { nested: true } }, undefined],
    [{ tenantId: 't' }, undefined],
    ['user-as-string', undefined],
    [null, undefined],
  ])('%j -> %j', (user, expected) => {
    const principal = principalFromUser(user);
    expect(principal && Object.fromEntries(Object.entries(principal).filter(([, value]) => value !== undefined))).toEqual(expected);
  });
});

describe('defaultResolveUser', () => {
  it('HTTP: request.user', () => {
    expect(defaultResolveUser(context('http', [{ user: { id: 'h' } }, {}, () => undefined]))?.id).toBe('h');
  });

  it('WebSocket: client.data.user, else client.user', () => {
    expect(defaultResolveUser(context('ws', [{ data: { user: { id: 'd' } }, user: { id: 'u' } }, {}]))?.id).toBe('d');
    expect(defaultResolveUser(context('ws', [{ user: { id: 'u' } }, {}]))?.id).toBe('u');
  });

  it('RPC: nothing (the payload is not a trusted place); use your own resolveUser there', () => {
    expect(defaultResolveUser(context('rpc', [{ user: { id: 'x' } }, {}]))).toBeUndefined();
  });
});
