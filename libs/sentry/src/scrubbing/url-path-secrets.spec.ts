import fc from 'fast-check';
import { createScrubEngine } from './scrub-engine';
import { sensitiveParameterIndexes } from './template-parameters';
import { MIN_RANDOM_SEGMENT_LENGTH } from './url-path-secrets';

const engine = createScrubEngine();
const scrub = engine.scrubString;
const F = '[Filtered]';

/**
 * Fresh values for every row, drawn from fast-check's fixed seed (see
 * test/support/jest-fixed-property-seed.ts): the same on every run, new ones with FC_SEED.
 * A random token is built from shuffled (capital, lower-case, digit) triples, so that it mixes
 * all three everywhere, as a base62 or base64url token does.
 */
const triple = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), fc.constantFrom(...'0123456789'), fc.nat(5))
  .map(([upper, lower, digit, order]) => [[upper, lower, digit], [lower, digit, upper], [digit, upper, lower], [lower, upper, digit], [upper, digit, lower], [digit, lower, upper]][order].join(''));
const tokenArb = fc.array(triple, { minLength: 7, maxLength: 14 }).map((parts) => parts.join(''));
const tokens = fc.sample(tokenArb, 40);
const hexTokens = fc.sample(fc.stringMatching(/^[0-9a-f]{32,64}$/), 10);
const uuids = fc.sample(fc.uuid(), 10);
const codes = fc.sample(fc.stringMatching(/^\d{6}$/), 10);
const ids = fc.sample(fc.stringMatching(/^[1-9]\d{16,18}$/), 5);

/** A token, a hex token, a UUID and a numeric code: what a credential flow puts in its path. */
const credentialShapes = (index: number): Array<[string, string]> => [
  ['a random token', tokens[index]],
  ['a hex token', hexTokens[index % hexTokens.length]],
  ['a UUID', uuids[index % uuids.length]],
  ['a numeric code', codes[index % codes.length]],
];

const CREDENTIAL_WORDS = [
  'reset', 'reset-password', 'password-reset', 'invite', 'invitations', 'accept-invite', 'magic-link', 'magic', 'verify',
  'verify-email', 'email-verification', 'confirm', 'activate', 'unsubscribe', 'login', 'sso', 'share', 'password',
  'tokens', 'token', 'api-keys', 'auth', 'session', 'secrets',
];

describe('URL paths: the segment after a credential word', () => {
  const rows = CREDENTIAL_WORDS.flatMap((word, index) => credentialShapes(index).map(([shape, value]) => [word, shape, value] as const));

  it.each(rows)('/%s/ then %s', (word, _shape, value) => {
    expect(scrub(`GET /${word}/${value}`)).toBe(`GET /${word}/${F}`);
    expect(scrub(`https://app.example.test/api/${word}/${value}/accept?lang=en#top`)).toBe(`https://app.example.test/api/${word}/${F}/accept?lang=en#top`);
    expect(scrub(`{"url":"http://localhost:3000/${word}/${value}"}`)).toBe(`{"url":"http://localhost:3000/${word}/${F}"}`);
  });

  it('filters every credential-shaped segment after the word, not only the next one', () => {
    const [id, hash] = [codes[1], hexTokens[1]];
    expect(scrub(`GET /email/verify/${id}/${hash}?expires=1718000000`)).toBe(`GET /email/verify/${F}/${F}?expires=1718000000`);
    expect(scrub(`/invite/${tokens[2]}/team/${uuids[2]}`)).toBe(`/invite/${F}/team/${F}`);
  });

  it('keeps words, versions and file names after the word, and everything before it', () => {
    for (const path of [
      '/auth/login', '/auth/callback/google', '/reset-password/new', '/api/v2/invitations/accept', '/verify/email/resend',
      '/auth/v2/session', '/share/report-2024-06.pdf', '/users/8841/password', '/orders/ORD-2024-000123/confirm',
      '/app/dist/auth/jwt.strategy.js', '/docs/tokens/IncomingWebhook', '/login/oauth2',
    ]) {
      expect(scrub(`GET ${path}`)).toBe(`GET ${path}`);
    }
  });

  it('reads a relative path and a query value too', () => {
    expect(scrub(`sent reset/${tokens[3]} to the user`)).toBe(`sent reset/${F} to the user`);
    expect(scrub(`next=%2Freset%2F${tokens[4]}`)).toBe(`next=%2Freset%2F${F}`);
  });
});

describe('URL paths: webhook URLs', () => {
  const slackIds = fc.sample(fc.stringMatching(/^[TB][A-Z0-9]{8,10}$/), 4);

  it('filters a Slack incoming webhook or workflow URL, keeping the host', () => {
    expect(scrub(`posting to https://hooks.slack.com/services/${slackIds[0]}/${slackIds[1]}/${tokens[5].slice(0, 24)} failed`)).toBe(
      `posting to https://hooks.slack.com/services/${F}/${F}/${F} failed`,
    );
    expect(scrub(`https://hooks.slack.com/workflows/${slackIds[2]}/A0${codes[2]}/${ids[0]}/${tokens[6]}`)).toBe(
      `https://hooks.slack.com/workflows/${F}/${F}/${F}/${F}`,
    );
  });

  it.each(['discord.com', 'discordapp.com', 'canary.discord.com'])('filters a Discord webhook on %s', (host) => {
    expect(scrub(`POST https://${host}/api/webhooks/${ids[1]}/${tokens[7]}-${tokens[8]}`)).toBe(`POST https://${host}/api/webhooks/${F}/${F}`);
    expect(scrub(`https://${host}/api/v10/webhooks/${ids[2]}/${tokens[9]}?wait=true`)).toBe(`https://${host}/api/v10/webhooks/${F}/${F}?wait=true`);
  });

  it('filters a Teams (Office 365) webhook URL', () => {
    const [tenant, group, app, channel] = uuids;
    const url = `https://contoso.webhook.office.com/webhookb2/${group}@${tenant}/IncomingWebhook/${hexTokens[2].slice(0, 32)}/${app}/V2${tokens[10]}`;
    expect(scrub(url)).toBe(`https://contoso.webhook.office.com/webhookb2/${F}/IncomingWebhook/${F}/${F}/${F}`);
    expect(scrub(`https://outlook.office.com/webhook/${channel}@${tenant}/IncomingWebhook/${hexTokens[3]}/${app}`)).toBe(
      `https://outlook.office.com/webhook/${F}/IncomingWebhook/${F}/${F}`,
    );
  });

  it('filters whatever follows a webhook or hooks segment of any service', () => {
    expect(scrub(`https://hooks.zapier.com/hooks/catch/${codes[3]}/${tokens[11].slice(0, 7).toLowerCase()}9/`)).toBe(
      `https://hooks.zapier.com/hooks/catch/${F}/${F}/`,
    );
    expect(scrub(`POST /integrations/webhooks/${hexTokens[4]}`)).toBe(`POST /integrations/webhooks/${F}`);
  });
});

describe('URL paths: Telegram bot tokens', () => {
  const secrets = fc.sample(fc.stringMatching(/^AA[A-Za-z0-9_-]{33}$/), 3);

  it('keeps the bot id and the method, and filters the secret', () => {
    expect(scrub(`https://api.telegram.org/bot${codes[4]}123:${secrets[0]}/sendMessage`)).toBe(`https://api.telegram.org/bot${codes[4]}123:${F}/sendMessage`);
    expect(scrub(`GET /file/bot7${codes[5]}:${secrets[1]}/photos/file_12.jpg`)).toBe(`GET /file/bot7${codes[5]}:${F}/photos/file_12.jpg`);
  });

  it('leaves a bot id alone and a short value after it', () => {
    expect(scrub('GET /bot12345/status')).toBe('GET /bot12345/status');
    expect(scrub('robot123456:short-value')).toBe('robot123456:short-value');
  });
});

describe('URL paths: random-looking segments anywhere in an absolute path', () => {
  it.each(tokens.slice(12, 20).map((token) => [token]))('filters %s in request URLs, span names and text', (token) => {
    expect(scrub(`GET /files/${token}`)).toBe(`GET /files/${F}`);
    expect(scrub(`https://cdn.example.test/d/${token}/preview.png`)).toBe(`https://cdn.example.test/d/${F}/preview.png`);
    expect(scrub(`http://localhost:8443/s/${token}?download=1`)).toBe(`http://localhost:8443/s/${F}?download=1`);
    expect(scrub(`fetch failed for /api/${token.toLowerCase()}x9y8/items`)).toBe(`fetch failed for /api/${F}/items`);
  });

  it(`starts at ${MIN_RANDOM_SEGMENT_LENGTH} characters`, () => {
    const token = tokens[20];
    expect(scrub(`GET /s/${token.slice(0, MIN_RANDOM_SEGMENT_LENGTH)}`)).toBe(`GET /s/${F}`);
    expect(scrub(`GET /s/${token.slice(0, MIN_RANDOM_SEGMENT_LENGTH - 1)}`)).toBe(`GET /s/${token.slice(0, MIN_RANDOM_SEGMENT_LENGTH - 1)}`);
  });

  it('leaves the first word of a relative path and a base64 blob alone', () => {
    const blob = `${tokens[21]}/${tokens[22]}+${tokens[23]}==`;
    expect(scrub(`avatar=data:image/png;base64,${blob}`)).toBe(`avatar=data:image/png;base64,${blob}`);
    expect(scrub(`${tokens[24]}/and/or`)).toBe(`${tokens[24]}/and/or`);
  });
});

describe('URL paths: look-alikes stay readable', () => {
  const LOOK_ALIKES = [
    `/orders/${uuids[0]}`, `/orders/${uuids[1].toUpperCase()}`, `/orders/3F2b8C1e-9a4D-4e7B-b1C2-5d6E7f8A9b0C`,
    `/commits/${hexTokens[5]}`, `/blobs/${hexTokens[6].toUpperCase()}`, '/orders/42', `/orders/${ids[3]}`,
    '/orders/ORD-2024-000123', '/orders/ORD-2024-000123-REFUND-PARTIAL', '/events/2024-03-15T09:26:53.123Z',
    '/reports/2024-06-01', '/blog/my-first-blog-post-about-nestjs', '/blog/Nestjs-Tips-2024-Edition',
    '/blog/top-10-tips-for-2024-nestjs', '/blog/iPhone15ProMaxReview2024', '/files/quarterly-report-Q3-2024-final.pdf',
    '/api/v1/users', '/releases/v10.75.3', '/downloads/1.4.0-rc.1', '/s/k3j9x2m', '/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV',
    '/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa', '/users/user_01h455vb4pex5vsknk084sn02q', '/users/@ada.lovelace',
    '/reset/:token', '/invite/{token}', '/api/getUserById2FromCache',
  ];

  it.each(LOOK_ALIKES.map((path) => [path]))('%s', (path) => {
    expect(scrub(`GET ${path}`)).toBe(`GET ${path}`);
    expect(scrub(`https://shop.example.test${path}?page=2`)).toBe(`https://shop.example.test${path}?page=2`);
  });

  it('keeps user agents, stack lines, MIME types and prose', () => {
    for (const text of [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'at OrdersService.findOne (/app/dist/orders/orders.service.js:42:13)',
      'content-type: application/vnd.api+json', 'read/write and/or input/output',
    ]) {
      expect(scrub(text)).toBe(text);
    }
  });
});

describe('URL paths: replacement and idempotency', () => {
  it.each(['[Filtered]', 'REDACTED VALUE', '***', '<redacted>', 'REDACTED'])('stays the same on a second pass (replacement %p)', (replacement) => {
    const custom = createScrubEngine({ replacement });
    const text = `GET /reset/${tokens[25]}/confirm/${codes[6]} then /files/${tokens[26]} and https://hooks.slack.com/services/T1/B2/${tokens[27]}`;
    const once = custom.scrubString(text);
    expect(once).not.toContain(tokens[25]);
    expect(once).not.toContain(tokens[26]);
    expect(once).not.toContain(tokens[27]);
    expect(custom.scrubString(once)).toBe(once);
  });
});

describe('URL paths: message template parameters', () => {
  it('masks a parameter that is a random segment or follows a credential word, and keeps ids', () => {
    expect(sensitiveParameterIndexes('GET /files/%s', [tokens[28]], engine)).toEqual([0]);
    expect(sensitiveParameterIndexes('sent /reset/%s to %s', [hexTokens[7], 'ada'], engine)).toEqual([0]);
    expect(sensitiveParameterIndexes('GET /orders/%s/items/%s', ['ORD-2024-000123', uuids[3]], engine)).toEqual([]);
    expect(sensitiveParameterIndexes('GET /files/%s', ['quarterly-report.pdf'], engine)).toEqual([]);
  });
});
