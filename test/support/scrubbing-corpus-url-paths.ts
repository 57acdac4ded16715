import type { BenignInput, SensitiveInput } from './scrubbing-corpus';

/**
 * Corpus rows of issue 17, classes 4 and 5: secrets in URL paths (credential-flow tokens,
 * webhook URLs, bot tokens, random segments) and literals on source context lines, with the
 * look-alikes that must stay readable (ids, UUIDs, SHAs, slugs, dates, versions, file names,
 * route templates). Data only, like `scrubbing-corpus.ts`, which appends these rows to its own.
 *
 * The tokens are random-looking (base62 / base64url, as real tokens are) with an `S3CR3T` tag
 * inside, so that the suites can also prove no piece of them got through. None of them sits
 * under a sensitive key or after `key=`: only the URL-path and source-context rules can catch them.
 */

const F = '[Filtered]';

/** Telegram's shape: a numeric bot id, `:`, then 35 characters starting with `AA`. */
const BOT_SECRET = 'AAS3CR3T126hQw7eRt5yUi3oPa9sDf2gHjK';
const BOT_SECRET_OUTGOING = 'AAS3CR3T141mNb8vCx6zLk4jHg2fDs0aPo9';

export const URL_PATH_SENSITIVE: readonly SensitiveInput[] = [
  // The incoming request's own path: request.url of the error event.
  { id: 'path-reset-token', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/reset-password/S3CR3T120Kq9xVb2LmN4pRt7Wz' }, secret: 'S3CR3T120Kq9xVb2LmN4pRt7Wz', shows: `/scrub/path/reset-password/${F}` },
  { id: 'path-invite-accept', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/invitations/S3CR3T121Hd8Jf3Ks6Lq1Wm4/accept' }, secret: 'S3CR3T121Hd8Jf3Ks6Lq1Wm4', shows: `/invitations/${F}/accept` },
  { id: 'path-magic-link', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/auth/magic-link/S3CR3T122a7f3c9e1b5d' }, secret: 'S3CR3T122a7f3c9e1b5d', shows: `/auth/magic-link/${F}` },
  { id: 'path-random-segment', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/files/S3CR3T123Xk7Qm2Vp9Lr4Tz8Nb/preview.png' }, secret: 'S3CR3T123Xk7Qm2Vp9Lr4Tz8Nb', shows: `/files/${F}/preview.png` },

  // URLs written into text and data by the app.
  { id: 'crumb-slack-webhook', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'notify via https://hooks.slack.com/services/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k' }, secret: 'S3CR3T124aB3cD4eF5gH6iJ7k', shows: `https://hooks.slack.com/services/${F}/${F}/${F}` },
  { id: 'exc-discord-webhook', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'POST https://discord.com/api/webhooks/1187245596170551337/S3CR3T125-Zq8Wx7Ec6Rv5Tb4Yn3Um2-Ik1Ol0Pp9 returned 404' }, secret: 'S3CR3T125-Zq8Wx7Ec6Rv5Tb4Yn3Um2-Ik1Ol0Pp9', shows: `https://discord.com/api/webhooks/${F}/${F} returned 404` },
  { id: 'exc-telegram-bot', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: `telegram said 401 for https://api.telegram.org/bot7712345678:${BOT_SECRET}/sendMessage` }, secret: BOT_SECRET, shows: `bot7712345678:${F}/sendMessage` },
  { id: 'log-nest-magic-link', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'log', message: 'scrub-corpus log: sent https://app.example.test/login/magic/S3CR3T127Np4Mq7Lr2Ks9Jt' }, secret: 'S3CR3T127Np4Mq7Lr2Ks9Jt', shows: `https://app.example.test/login/magic/${F}` },
  { id: 'log-attr-verify-url', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLog', attribute: 'link', value: 'https://app.example.test/verify-email/S3CR3T128Wd5Xe2Yf7Zg4Ah' }, secret: 'S3CR3T128Wd5Xe2Yf7Zg4Ah', shows: `https://app.example.test/verify-email/${F}` },
  { id: 'message-invite-url', suite: 'light', place: 'message', plant: { via: 'message', message: 'scrub-corpus message: invite https://app.example.test/invite/S3CR3T129Bk6Cl3Dm8En1Fo/join expired' }, secret: 'S3CR3T129Bk6Cl3Dm8En1Fo', shows: `https://app.example.test/invite/${F}/join expired` },
  { id: 'message-path-parameter', suite: 'light', place: 'message', plant: { via: 'messageParameter', before: 'scrub-corpus message: GET /files/', parameter: 'S3CR3T130Gp5Hq2Ir9Js6Kt3Lu' }, secret: 'S3CR3T130Gp5Hq2Ir9Js6Kt3Lu', shows: `"params":["${F}"]` },
  { id: 'log-fmt-path-parameter', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLogParameter', before: 'scrub-corpus log: reset link /reset/', parameter: 'S3CR3T131Mv4Nw1Ox8Py5Qz2' }, secret: 'S3CR3T131Mv4Nw1Ox8Py5Qz2', shows: `reset link /reset/${F}` },
  { id: 'metric-attr-unsubscribe', suite: 'light', place: 'metricAttribute', plant: { via: 'metricAttribute', key: 'url.path', value: '/unsubscribe/S3CR3T132Ra7Sb4Tc1Ud8Ve5' }, secret: 'S3CR3T132Ra7Sb4Tc1Ud8Ve5', shows: `/unsubscribe/${F}` },
  { id: 'crumb-data-teams-webhook', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'url', value: 'https://contoso.webhook.office.com/webhookb2/3f2b8c1e-1111-4e7b-b1c2-5d6e7f8a9b0c@9a4d3f2b-2222-4e7b-b1c2-5d6e7f8a9b0c/IncomingWebhook/S3CR3T133e4f5a6b7c8d9e0f1a2b/7b1c2d3e-3333-4e7b-b1c2-5d6e7f8a9b0c' }, secret: 'S3CR3T133e4f5a6b7c8d9e0f1a2b', shows: `/IncomingWebhook/${F}/` },
  { id: 'tag-zapier-hook', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'callback_url', value: 'https://hooks.zapier.com/hooks/catch/4471203/S3CR3T134ab/' }, secret: 'S3CR3T134ab', shows: `https://hooks.zapier.com/hooks/catch/${F}/${F}/` },
  { id: 'extra-password-reset-link', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['link'], value: 'https://app.example.test/password/reset/S3CR3T136We3Xr0Yt7Zu4' }, secret: 'S3CR3T136We3Xr0Yt7Zu4', shows: `https://app.example.test/password/reset/${F}` },
  { id: 'context-share-link', suite: 'light', place: 'context', plant: { via: 'context', name: 'sharing', key: 'href', value: 'https://drive.example.test/s/S3CR3T137Av9Bw6Cx3Dy0Ez7' }, secret: 'S3CR3T137Av9Bw6Cx3Dy0Ez7', shows: `https://drive.example.test/s/${F}` },

  // Tracing: a span name, span data, outgoing calls (span, breadcrumb) and the incoming path.
  { id: 'span-name-reset-path', suite: 'tracing', place: 'spanName', plant: { via: 'spanName', name: 'GET /reset/S3CR3T138Fa4Gb1Hc8Id5Je2' }, secret: 'S3CR3T138Fa4Gb1Hc8Id5Je2', shows: `GET /reset/${F}` },
  { id: 'span-attr-url-full', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'url.full', value: 'https://app.example.test/activate/S3CR3T139Kf9Lg6Mh3Ni0Oj7/confirm' }, secret: 'S3CR3T139Kf9Lg6Mh3Ni0Oj7', shows: `https://app.example.test/activate/${F}/confirm` },
  { id: 'span-attr-http-target', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'http.target', value: '/api/tokens/S3CR3T140Pk4Ql1Rm8Sn5To2?expand=1' }, secret: 'S3CR3T140Pk4Ql1Rm8Sn5To2', shows: `/api/tokens/${F}?expand=1` },
  { id: 'outgoing-http-bot-token', suite: 'tracing', place: 'outgoingHttp', plant: { via: 'outgoingHttp', client: 'http', path: `/bot7712345678:${BOT_SECRET_OUTGOING}/sendMessage`, query: 'chat=42' }, secret: BOT_SECRET_OUTGOING, shows: `/bot7712345678:${F}/sendMessage` },
  { id: 'outgoing-fetch-discord', suite: 'tracing', place: 'outgoingHttp', plant: { via: 'outgoingHttp', client: 'fetch', path: '/api/webhooks/1187245596170551338/S3CR3T142Up9Vq6Wr3Xs0Yt7', query: 'wait=true' }, secret: 'S3CR3T142Up9Vq6Wr3Xs0Yt7', shows: `/api/webhooks/${F}/${F}` },
  { id: 'incoming-invite-path', suite: 'tracing', place: 'url', plant: { via: 'incomingPath', token: 'S3CR3T148Zu4Av1Bw8Cx5Dy2' }, secret: 'S3CR3T148Zu4Av1Bw8Cx5Dy2', shows: `/scrub-traced/invite/${F}` },

  // Source context lines around the throw (see scrubbing-throwing-source.ts).
  { id: 'source-line-or-fallback', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: "const signingSecret = process.env.SCRUB_SIGNING_SECRET || 'S3CR3T143-or-fallback';" }, secret: 'S3CR3T143-or-fallback', shows: `|| '${F}';` },
  { id: 'source-line-nullish-fallback', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: "const apiKey = process.env.SCRUB_API_KEY ?? 'S3CR3T144-nullish-fallback';" }, secret: 'S3CR3T144-nullish-fallback', shows: `?? '${F}';` },
  { id: 'source-line-object-literal', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: "return { signingSecret, apiKey, webhookSecret, clientSecret: 'S3CR3T145-object-literal' };" }, secret: 'S3CR3T145-object-literal', shows: `clientSecret: '${F}' };` },
  { id: 'source-line-wrapped', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: "const webhookSecret =\n    'S3CR3T146-wrapped-by-formatter';" }, secret: 'S3CR3T146-wrapped-by-formatter', shows: `    '${F}';` },
];

export const URL_PATH_BENIGN: readonly BenignInput[] = [
  { id: 'path-uuid', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/orders/0c9b8a7f-6e5d-4c3b-a291-8f7e6d5c4b3a' }, survives: '/scrub/path/orders/0c9b8a7f-6e5d-4c3b-a291-8f7e6d5c4b3a' },
  { id: 'path-commit-sha', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/commits/e83c5163316f89bfbde7d9ab23ca2e25604af290' }, survives: '/scrub/path/commits/e83c5163316f89bfbde7d9ab23ca2e25604af290' },
  { id: 'path-order-confirm', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/orders/ORD-2024-000125/order-confirmation' }, survives: '/scrub/path/orders/ORD-2024-000125/order-confirmation' },
  { id: 'path-blog-slug', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/blog/my-first-blog-post-about-nestjs' }, survives: '/scrub/path/blog/my-first-blog-post-about-nestjs' },
  { id: 'path-version-and-date', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/releases/v10.75.3/2024-06-01' }, survives: '/scrub/path/releases/v10.75.3/2024-06-01' },
  { id: 'path-file-name', suite: 'light', place: 'url', plant: { via: 'requestPath', path: '/reports/42/quarterly-report-Q3-2024-final.pdf' }, survives: '/scrub/path/reports/42/quarterly-report-Q3-2024-final.pdf' },
  { id: 'crumb-api-url', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'GET https://api.example.test/v1/users/8841/orders?page=2 200' }, survives: 'GET https://api.example.test/v1/users/8841/orders?page=2 200' },
  { id: 'log-docs-path', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'log', message: 'scrub-corpus log: served /docs/getting-started/password-reset in 12 ms' }, survives: 'served /docs/getting-started/password-reset in 12 ms' },
  { id: 'exc-typed-id-path', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'stripe GET /v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa returned 404' }, survives: 'stripe GET /v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa returned 404' },
  { id: 'span-name-ulid', suite: 'tracing', place: 'spanName', plant: { via: 'spanName', name: 'GET /jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV' }, survives: 'GET /jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV' },
  { id: 'span-attr-route-template', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'url.template', value: '/reset-password/:token' }, survives: '"url.template":"/reset-password/:token"' },
  { id: 'incoming-invite-route', suite: 'tracing', place: 'url', plant: { via: 'incomingPath', token: 'S3CR3T148Zu4Av1Bw8Cx5Dy2' }, survives: '/scrub-traced/invite/:token' },
  { id: 'source-line-env-default', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: "const region = process.env.SCRUB_REGION ?? 'eu-west-1';" }, survives: "const region = process.env.SCRUB_REGION ?? 'eu-west-1';" },
];
