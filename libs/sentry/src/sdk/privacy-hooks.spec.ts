import type { Event } from '@sentry/core';
import { resolveSentryConfig } from '../config/resolve-sentry-config';
import type { SentryLog } from '../config/sentry-log';
import type { SentryModuleOptions } from '../sentry.options';
import { buildPrivacyHooks } from './privacy-hooks';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as SentryLog;
const hooksFor = (options: SentryModuleOptions) => buildPrivacyHooks(resolveSentryConfig(options, () => undefined).options, quiet);

/** What the SDK holds in `sdkProcessingMetadata` while it builds an event: the raw request and the client IP. */
function eventWithRawRequest(secret: string): { event: Event; shared: Record<string, unknown> } {
  const shared = { normalizedRequest: { url: `http://app/reset?token=${secret}`, headers: { authorization: `Bearer ${secret}` } }, ipAddress: '203.0.113.7', other: 'kept' };
  return { event: { message: 'raw request', sdkProcessingMetadata: shared }, shared };
}

describe('privacy hooks and the raw request the SDK keeps beside an event', () => {
  it.each(['beforeSend', 'beforeSendTransaction'] as const)('%s without an app hook: dropped from the event, the shared metadata untouched', (hook) => {
    const secret = `s3cr3t-${Math.random().toString(36).slice(2)}`;
    const { event, shared } = eventWithRawRequest(secret);
    const sent = hooksFor({})[hook]!(event as never, {}) as Event;
    expect(sent.sdkProcessingMetadata).toEqual({ other: 'kept' });
    expect(shared.normalizedRequest).toBeDefined(); // the scope's object is another one
    expect(JSON.stringify(shared)).toContain(secret);
  });

  it.each(['beforeSend', 'beforeSendTransaction'] as const)("%s with an app hook: the app's hook sees it scrubbed, never raw", (hook) => {
    const secret = `s3cr3t-${Math.random().toString(36).slice(2)}`;
    const { event } = eventWithRawRequest(secret);
    let seen: unknown;
    const appHook = (item: Event) => ((seen = item.sdkProcessingMetadata), item);
    hooksFor({ [hook]: appHook })[hook]!(event as never, {});
    const text = JSON.stringify(seen);
    expect({ leaks: text.includes(secret), ip: text.includes('203.0.113.7'), hasRequest: text.includes('http://app/reset') }).toEqual({ leaks: false, ip: false, hasRequest: true });
  });
});
