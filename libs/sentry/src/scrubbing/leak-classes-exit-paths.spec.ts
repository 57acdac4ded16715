import type { Breadcrumb, Event, Log, Metric, SpanJSON } from '@sentry/core';
import { createScrubber } from './create-scrubber';

/**
 * The issue 17 classes in every exit path: the rules live in the walker and the string
 * scrubber, which every hook shares; this proves each hook reaches them.
 */
const secrets = {
  vendor: 'sk-proj-Kw7Hq2Lm9Xc4Vb8Nz3Rt6Yp1As5Df0Gj',
  pairValue: 'Pair-Value-Uq83kd',
  jwkD: 'Jwk-D-Member-Wm40ps',
  oauthCode: 'Oauth-Code-Tz91xb',
  sig: 'Url-Sig-Hd27qa',
  cutObject: 'Cut-Object-Nv65re',
  scheme: 'Scheme0Credential0Lx58',
  awsSecret: 'Gh7kLm2Nq9Rs4Tv8Wx1Yz3Ab6Cd0Ef5Gh8Ij2Kl+',
  multipart: 'Multipart-Field-Ce19wo',
};

const planted = (): Record<string, unknown> => ({
  note: `deploy used ${secrets.vendor}`,
  settings: [{ name: 'db_password', value: secrets.pairValue }],
  jwk: { kty: 'EC', crv: 'P-256', d: secrets.jwkD },
  callback: `/cb?code=${secrets.oauthCode}&sig=${secrets.sig}`,
  body: `{"pad":"x","credentials":{"a":"${secrets.cutObject}"...`,
  upstream: `Authorization: SSWS ${secrets.scheme}`,
  storage: { id: 'AKIAQWERTYUIOP234567', blob: secrets.awsSecret },
});

function expectNoSecret(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of Object.values(secrets)) expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
}

describe('issue 17 leak classes in every exit path', () => {
  const scrubber = createScrubber();
  const multipart = `--q7\r\nContent-Disposition: form-data; name="password"\r\n\r\n${secrets.multipart}\r\n--q7--\r\n`;

  it('error events: extra, contexts, breadcrumbs, request body, the SDK\'s raw request', () => {
    const event: Event = {
      extra: planted(),
      contexts: { app_state: planted() },
      breadcrumbs: [{ message: 'x', data: planted() }],
      request: { data: multipart },
      sdkProcessingMetadata: { normalizedRequest: { data: multipart } },
    };
    expectNoSecret(scrubber.scrubEvent(event));
  });

  it('transactions and their spans', () => {
    const span = { span_id: 'a', trace_id: 'b', start_timestamp: 0, data: planted() } as SpanJSON;
    expectNoSecret(scrubber.scrubTransaction({ type: 'transaction', spans: [span], contexts: { trace: { data: planted() } } } as Event));
  });

  it('spans, breadcrumbs, logs and metrics on their own', () => {
    expectNoSecret(scrubber.scrubSpan({ span_id: 'a', trace_id: 'b', start_timestamp: 0, data: planted() } as SpanJSON));
    expectNoSecret(scrubber.scrubBreadcrumb({ category: 'http', data: planted() } as Breadcrumb));
    expectNoSecret(scrubber.scrubLog({ level: 'info', message: String(planted().upstream), attributes: planted() } as Log));
    expectNoSecret(scrubber.scrubMetric({ name: 'm', type: 'counter', value: 1, attributes: planted() } as Metric));
    expect(scrubber.failures).toBe(0);
  });
});
