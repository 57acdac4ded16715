/**
 * The scrubbing corpus (issue 5): every sensitive input the e2e suites plant in a real app, and
 * the benign look-alikes that must reach Sentry readable. One row per input: where it lands
 * (`place`), how the app or the client plants it (`plant`), the value that must never appear in
 * the envelope bytes (`secret`) and, when useful, the scrubbed text that must appear instead
 * (`shows`). Each row belongs to one suite, because the SDK's mode is per process:
 * `light` (tracesSampleRate 0, in the Jest worker), `tracing` (tracesSampleRate 1) and `frames`
 * (includeLocalVariables), the last two with the app in a child process. Most secrets carry a unique `S3CR3T-NN` tag, so that a suite can
 * also prove that no piece of any of them (a tail, a decoded copy) got through.
 *
 * This file is data only: nothing in it throws, so its source lines never become context lines.
 */

import { URL_PATH_BENIGN, URL_PATH_SENSITIVE } from './scrubbing-corpus-url-paths';

export type Suite = 'light' | 'tracing' | 'frames';

export type Place =
  | 'header'
  | 'cookie'
  | 'query'
  | 'url'
  | 'jsonBody'
  | 'formBody'
  | 'truncatedBody'
  | 'breadcrumbMessage'
  | 'breadcrumbData'
  | 'extra'
  | 'context'
  | 'tag'
  | 'user'
  | 'exceptionMessage'
  | 'message'
  | 'logMessage'
  | 'logAttribute'
  | 'metricAttribute'
  | 'spanName'
  | 'spanData'
  | 'outgoingHttp'
  | 'frameVariable'
  | 'sourceContext';

/** How a value is planted. The client sends the request-borne ones; the app plants the rest. */
export type Plant =
  | { via: 'header'; name: string; value: string }
  | { via: 'cookie'; name: string; value: string }
  | { via: 'query'; name: string; value: string }
  | { via: 'jsonBody'; path: readonly string[]; value: unknown }
  | { via: 'formBody'; name: string; value: string }
  | { via: 'truncatedBody'; name: string; value: unknown }
  | { via: 'breadcrumbMessage'; message: string }
  | { via: 'breadcrumbData'; key: string; value: unknown }
  | { via: 'extra'; path: readonly string[]; value: unknown }
  | { via: 'context'; name: string; key: string; value: unknown }
  | { via: 'tag'; key: string; value: string }
  | { via: 'user'; key: string; value: string }
  | { via: 'throw'; message: string; cause?: string }
  | { via: 'message'; message: string }
  | { via: 'messageParameter'; before: string; parameter: string }
  | { via: 'nestLog'; level: 'log' | 'warn'; message: string }
  | { via: 'sentryLog'; attribute: string; value: string | number }
  | { via: 'sentryLogParameter'; before: string; parameter: string }
  | { via: 'metricAttribute'; key: string; value: string | number }
  | { via: 'spanName'; name: string }
  | { via: 'rootSpanName'; name: string }
  | { via: 'spanAttribute'; key: string; value: string | number }
  | { via: 'outgoingHttp'; client: 'http' | 'fetch'; query: string; path?: string }
  | { via: 'incomingQuery'; name: string; value: string }
  /** The client requests `/scrub/path${path}` (one to four segments); the handler throws. */
  | { via: 'requestPath'; path: string }
  /** The client requests `/scrub-traced/invite/${token}` (route `invite/:token`). */
  | { via: 'incomingPath'; token: string }
  | { via: 'incomingHeader'; name: string; value: string }
  | { via: 'frameVariable'; name: string }
  | { via: 'sourceLine'; line: string };

export interface SensitiveInput {
  id: string;
  suite: Suite;
  place: Place;
  plant: Plant;
  /** Must not appear in the envelope bytes, in any encoding the SDK could use. */
  secret: string;
  /** Must appear (raw or JSON-escaped) in the envelope bytes: the scrubbed form, proving it arrived. */
  shows?: string;
}

export interface BenignInput {
  id: string;
  suite: Suite;
  place: Place;
  plant: Plant;
  /** Must appear (raw or JSON-escaped) in the envelope bytes. */
  survives: string;
}

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const b64url = (text: string): string => Buffer.from(text).toString('base64url');

/** A well-formed HS256 JWT whose payload names S3CR3T-38 (encoded, so only the shape gives it away). */
const JWT = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"S3CR3T-38","scope":"orders:write"}')}.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk`;
const PEM_BODY = 'MIIEpAIBAAKCAQEAS3CR3T43ku3vQzT0rB9dXj2ycuA7hZkqLm0pQr8sTu2vWx4yZ6';
const PROXY_BASIC = b64('proxy-user:S3CR3T-03-proxy-pass');
const WEBHOOK_BASIC = b64('hook:S3CR3T-48-basic-pass');
/** An ES256 JWT in a header that is not an auth header: only its shape gives it away. */
const NOTE_JWT = `${b64url('{"alg":"ES256","typ":"JWT"}')}.${b64url('{"sub":"S3CR3T-150","aud":"billing"}')}.S3CR3T150kQ2vR7tY5uW1pZ8sD4fG6hJ0kLqXm3Nb`;

/** Issue 17: an AWS key pair under neutral keys; a JWE (five segments, only the header is `eyJ`). */
const AWS_KEY_ID = 'AKIAS3CR3T69EXAMPLE0';
const AWS_SECRET = 'S3CR3T70wJalrXUtnFEMIK7MDENGbPxRfiCYzEXA';
const JWE = `${b64url('{"alg":"RSA-OAEP-256","enc":"A256GCM"}')}.S3CR3T77encKeyQ9vLm2.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIz.XFBoMYUZodetZdvTiFvSkQ`;

/** The size (bytes) at which the SDK cuts a captured request body (`maxRequestBodySize: 'medium'`). */
export const SDK_BODY_LIMIT = 10_000;

const F = '[Filtered]';

export const SENSITIVE: readonly SensitiveInput[] = [
  // Request headers, by name (and one by value).
  { id: 'hdr-authorization', suite: 'light', place: 'header', plant: { via: 'header', name: 'authorization', value: 'Bearer S3CR3T-01-access-token-9f8e7d' }, secret: 'S3CR3T-01-access-token-9f8e7d', shows: `"authorization":"${F}"` },
  { id: 'hdr-x-api-key', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-api-key', value: 'S3CR3T-02-live-api-key' }, secret: 'S3CR3T-02-live-api-key', shows: `"x-api-key":"${F}"` },
  { id: 'hdr-proxy-authorization', suite: 'light', place: 'header', plant: { via: 'header', name: 'proxy-authorization', value: `Basic ${PROXY_BASIC}` }, secret: PROXY_BASIC, shows: `"proxy-authorization":"${F}"` },
  { id: 'hdr-x-auth-token', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-auth-token', value: 'S3CR3T-04-x-auth-token' }, secret: 'S3CR3T-04-x-auth-token', shows: `"x-auth-token":"${F}"` },
  { id: 'hdr-x-csrf-token', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-csrf-token', value: 'S3CR3T-05-csrf' }, secret: 'S3CR3T-05-csrf', shows: `"x-csrf-token":"${F}"` },
  { id: 'hdr-custom-password', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-service-password', value: 'S3CR3T-06-service-password' }, secret: 'S3CR3T-06-service-password', shows: `"x-service-password":"${F}"` },
  { id: 'hdr-url-password', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-upstream-dsn', value: 'https://svc:S3CR3T-07-dsn-pass@upstream.example.test/3' }, secret: 'S3CR3T-07-dsn-pass', shows: `https://svc:${F}@upstream.example.test/3` },
  { id: 'hdr-x-real-ip', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-real-ip', value: '198.51.100.23' }, secret: '198.51.100.23', shows: `"x-real-ip":"${F}"` },

  // Cookies, by session-like name (sent in one Cookie header with harmless ones).
  { id: 'cookie-sessionid', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'sessionid', value: 'S3CR3T-08-sessionid' }, secret: 'S3CR3T-08-sessionid', shows: `"sessionid":"${F}"` },
  { id: 'cookie-connect-sid', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'connect.sid', value: 's%3AS3CR3T-09-connect-sid.Xq5kPz' }, secret: 'S3CR3T-09-connect-sid', shows: `"connect.sid":"${F}"` },
  { id: 'cookie-phpsessid', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'PHPSESSID', value: 'S3CR3T10phpsessid' }, secret: 'S3CR3T10phpsessid', shows: `"PHPSESSID":"${F}"` },
  { id: 'cookie-remember', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'remember_web_59ba36', value: 'S3CR3T-11-remember-me' }, secret: 'S3CR3T-11-remember-me', shows: `"remember_web_59ba36":"${F}"` },
  { id: 'cookie-xsrf', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'XSRF-TOKEN', value: 'S3CR3T-12-xsrf' }, secret: 'S3CR3T-12-xsrf', shows: `"XSRF-TOKEN":"${F}"` },

  // Query string of the request URL (url, query_string), by parameter name and by value.
  { id: 'query-token', suite: 'light', place: 'query', plant: { via: 'query', name: 'token', value: 'S3CR3T-13-query-token' }, secret: 'S3CR3T-13-query-token', shows: `token=${F}` },
  { id: 'query-signature', suite: 'light', place: 'query', plant: { via: 'query', name: 'signature', value: 'S3CR3T-14-query-signature' }, secret: 'S3CR3T-14-query-signature', shows: `signature=${F}` },
  { id: 'query-passphrase', suite: 'light', place: 'query', plant: { via: 'query', name: 'passphrase', value: 'S3CR3T-15-query-passphrase' }, secret: 'S3CR3T-15-query-passphrase', shows: `passphrase=${F}` },
  { id: 'query-otp', suite: 'light', place: 'query', plant: { via: 'query', name: 'otp', value: 'S3CR3T16otp' }, secret: 'S3CR3T16otp', shows: `otp=${F}` },
  { id: 'query-url-password', suite: 'light', place: 'query', plant: { via: 'query', name: 'next', value: 'https://sso-user:S3CR3T-17-next@idp.example.test/cb' }, secret: 'S3CR3T-17-next' },

  // URLs with `user:password@` inside text.
  { id: 'url-in-breadcrumb', suite: 'light', place: 'url', plant: { via: 'breadcrumbMessage', message: 'connecting to postgres://orders_app:S3CR3T-28-db-password@db.internal:5432/orders' }, secret: 'S3CR3T-28-db-password', shows: `postgres://orders_app:${F}@db.internal:5432/orders` },
  { id: 'url-in-exception', suite: 'light', place: 'url', plant: { via: 'throw', message: 'redis connection refused: redis://:S3CR3T-44-redis-pass@cache.internal:6379/0' }, secret: 'S3CR3T-44-redis-pass', shows: `redis://:${F}@cache.internal:6379/0` },

  // JSON request body.
  { id: 'json-password', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['password'], value: 'S3CR3T-18-body-password' }, secret: 'S3CR3T-18-body-password', shows: `"password":"${F}"` },
  { id: 'json-new-password', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['newPassword'], value: 'S3CR3T-19-new-password' }, secret: 'S3CR3T-19-new-password', shows: `"newPassword":"${F}"` },
  { id: 'json-nested-cvv', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['payment', 'cvv'], value: 'S3CR3T20' }, secret: 'S3CR3T20', shows: `"cvv":"${F}"` },
  { id: 'json-card-number', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['payment', 'cardNumber'], value: '4242 4242 4242 4242' }, secret: '4242 4242 4242 4242', shows: `"cardNumber":"${F}"` },
  { id: 'json-refresh-token', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['refresh_token'], value: 'S3CR3T-21-refresh' }, secret: 'S3CR3T-21-refresh', shows: `"refresh_token":"${F}"` },
  { id: 'json-ssn-in-note', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['note'], value: 'please call back, my SSN is 536-22-8741' }, secret: '536-22-8741', shows: `my SSN is ${F}` },

  // Form-encoded request body.
  { id: 'form-password', suite: 'light', place: 'formBody', plant: { via: 'formBody', name: 'password', value: 'S3CR3T-22-form-password' }, secret: 'S3CR3T-22-form-password', shows: `password=${F}` },
  { id: 'form-api-key', suite: 'light', place: 'formBody', plant: { via: 'formBody', name: 'api_key', value: 'S3CR3T-23-form-api-key' }, secret: 'S3CR3T-23-form-api-key', shows: `api_key=${F}` },

  // A JSON body over the SDK's 10 KB limit: cut, so it no longer parses; the pairs are in the part still sent.
  { id: 'truncated-password', suite: 'light', place: 'truncatedBody', plant: { via: 'truncatedBody', name: 'password', value: 'S3CR3T-24-truncated-password' }, secret: 'S3CR3T-24-truncated-password', shows: `"password":"${F}"` },
  { id: 'truncated-api-key', suite: 'light', place: 'truncatedBody', plant: { via: 'truncatedBody', name: 'api_key', value: 'S3CR3T-25-truncated-api-key' }, secret: 'S3CR3T-25-truncated-api-key', shows: `"api_key":"${F}"` },

  // Issue 17: multipart bodies are not parsed by the test apps (no multer), so the SDK never captures one; unit tests cover them.
  { id: 'hdr-admin-key', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-admin-key', value: 'S3CR3T-64-admin-key' }, secret: 'S3CR3T-64-admin-key', shows: `"x-admin-key":"${F}"` },
  { id: 'query-oauth-code', suite: 'light', place: 'query', plant: { via: 'query', name: 'code', value: 'S3CR3T-65-oauth-code' }, secret: 'S3CR3T-65-oauth-code', shows: `code=${F}` },
  { id: 'query-sig', suite: 'light', place: 'query', plant: { via: 'query', name: 'sig', value: 'S3CR3T-66-url-sig' }, secret: 'S3CR3T-66-url-sig', shows: `sig=${F}` },
  { id: 'json-name-value-pairs', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['settings'], value: [{ name: 'smtp_password', value: 'S3CR3T-67-smtp' }, { name: 'smtp_host', value: 'mail.example.test' }] }, secret: 'S3CR3T-67-smtp', shows: `{"name":"smtp_password","value":"${F}"}` },
  { id: 'json-jwk-private', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['jwk'], value: { kty: 'EC', crv: 'P-256', kid: 'sig-2025', d: 'S3CR3T-68-jwk-d' } }, secret: 'S3CR3T-68-jwk-d', shows: `"d":"${F}"` },
  { id: 'json-aws-key-pair', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['storage'], value: { id: AWS_KEY_ID, blob: AWS_SECRET, bucket: 'invoices' } }, secret: AWS_SECRET, shows: `"blob":"${F}"` },
  { id: 'truncated-object-value', suite: 'light', place: 'truncatedBody', plant: { via: 'truncatedBody', name: 'credentials', value: { login: 'svc-batch', material: 'S3CR3T-71-truncated-object' } }, secret: 'S3CR3T-71-truncated-object', shows: `"credentials":${F}` },
  { id: 'exc-openai-key', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'completion failed for sk-proj-S3CR3T72Qw8Er5Ty1Ui9Op3As7Df2Gh6Jk' }, secret: 'sk-proj-S3CR3T72Qw8Er5Ty1Ui9Op3As7Df2Gh6Jk', shows: `completion failed for ${F}` },
  { id: 'exc-stripe-whsec', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'webhook verification failed with whsec_S3CR3T73Lp0Ok9Ij8Uh7Yg6Tf5' }, secret: 'whsec_S3CR3T73Lp0Ok9Ij8Uh7Yg6Tf5', shows: `failed with ${F}` },
  { id: 'exc-gitlab-token', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'mirror push rejected: glpat-S3CR3T74-Zx1Cv2Bn3Mq' }, secret: 'glpat-S3CR3T74-Zx1Cv2Bn3Mq', shows: `mirror push rejected: ${F}` },
  { id: 'exc-sendgrid-key', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'mail relay refused 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 in send' }, secret: 'S3CR3T75Aa1Bb2Cc3Dd4Ee', shows: `mail relay refused ${F} in send` },
  { id: 'exc-npm-token', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'publish failed: npm_S3CR3T76aB1cD2eF3gH4iJ5kL6mN7oP8qR9s' }, secret: 'npm_S3CR3T76aB1cD2eF3gH4iJ5kL6mN7oP8qR9s', shows: `publish failed: ${F}` },
  { id: 'exc-jwe', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: `session cookie undecryptable: ${JWE}` }, secret: 'S3CR3T77encKeyQ9vLm2', shows: `session cookie undecryptable: ${F}` },
  { id: 'crumb-data-query-code', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'http.query', value: 'state=af91&code=S3CR3T-78-crumb-code' }, secret: 'S3CR3T-78-crumb-code', shows: `state=af91&code=${F}` },
  { id: 'crumb-data-raw-headers', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'rawHeaders', value: ['Host', 'api.example.test', 'Authorization', 'Token S3CR3T79rawHeaderTok'] }, secret: 'S3CR3T79rawHeaderTok', shows: `"Authorization","${F}"` },
  { id: 'message-printf-parameter', suite: 'light', place: 'message', plant: { via: 'messageParameter', before: 'scrub-corpus message: vault opened with passphrase ', parameter: 'S3CR3T-80-printf-param' }, secret: 'S3CR3T-80-printf-param', shows: `"params":["${F}"]` },
  { id: 'log-fmt-pin', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLogParameter', before: 'scrub-corpus log: new pin is ', parameter: 'S3CR3T-81-log-pin' }, secret: 'S3CR3T-81-log-pin', shows: `new pin is ${F}` },

  // Breadcrumbs: message and data.
  { id: 'crumb-message-pair', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'retrying upstream call with api_key=S3CR3T-26-crumb-api-key' }, secret: 'S3CR3T-26-crumb-api-key', shows: `with api_key=${F}` },
  { id: 'crumb-message-bearer', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'upstream replied 401 to Authorization: Bearer S3CR3T27crumbBearerToken' }, secret: 'S3CR3T27crumbBearerToken', shows: `to Authorization: ${F}` },
  { id: 'crumb-data-client-secret', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'client_secret', value: 'S3CR3T-29-client-secret' }, secret: 'S3CR3T-29-client-secret', shows: `"client_secret":"${F}"` },
  { id: 'crumb-data-session-token', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'sessionToken', value: 'S3CR3T-30-session-token' }, secret: 'S3CR3T-30-session-token', shows: `"sessionToken":"${F}"` },

  // extra, contexts, tags.
  { id: 'extra-password', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['password'], value: 'S3CR3T-31-extra-password' }, secret: 'S3CR3T-31-extra-password', shows: `"password":"${F}"` },
  { id: 'extra-nested-api-key', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['upstream', 'apiKey'], value: 'S3CR3T-32-extra-api-key' }, secret: 'S3CR3T-32-extra-api-key', shows: `"apiKey":"${F}"` },
  { id: 'context-stripe-key', suite: 'light', place: 'context', plant: { via: 'context', name: 'billing', key: 'gateway', value: 'stripe sk_live_S3CR3T33billingGatewayKey' }, secret: 'sk_live_S3CR3T33billingGatewayKey', shows: `"gateway":"stripe ${F}"` },
  { id: 'context-card-in-text', suite: 'light', place: 'context', plant: { via: 'context', name: 'billing', key: 'lastAttempt', value: 'card 5555 5555 5555 4444 declined' }, secret: '5555 5555 5555 4444', shows: `"lastAttempt":"card ${F} declined"` },
  { id: 'tag-api-key', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'api_key', value: 'S3CR3T-34-tag-api-key' }, secret: 'S3CR3T-34-tag-api-key', shows: `"api_key":"${F}"` },
  { id: 'tag-url-token', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'callback', value: 'https://hooks.example.test/cb?access_token=S3CR3T-35-tag-token' }, secret: 'S3CR3T-35-tag-token', shows: `cb?access_token=${F}` },

  // User: the SDK derives ip_address from X-Forwarded-For; the app adds a field by hand.
  { id: 'user-ip-address', suite: 'light', place: 'user', plant: { via: 'header', name: 'x-forwarded-for', value: '203.0.113.77' }, secret: '203.0.113.77' },
  { id: 'user-api-token', suite: 'light', place: 'user', plant: { via: 'user', key: 'api_token', value: 'S3CR3T-36-user-api-token' }, secret: 'S3CR3T-36-user-api-token', shows: `"api_token":"${F}"` },

  // Exception messages (one thrown error each; the last one as the `cause` of another).
  { id: 'exc-password-pair', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'login failed for password=hunter2-S3CR3T-37' }, secret: 'hunter2-S3CR3T-37', shows: `login failed for password=${F}` },
  { id: 'exc-jwt', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: `token rejected by gateway: ${JWT}` }, secret: JWT, shows: `token rejected by gateway: ${F}` },
  { id: 'exc-bearer', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'upstream 401 for Bearer S3CR3T39upstreamBearerTok' }, secret: 'S3CR3T39upstreamBearerTok', shows: `upstream 401 for Bearer ${F}` },
  { id: 'exc-aws-key', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'S3 PutObject denied for AKIAS3CR3T40EXAMPLE0 in eu-west-1' }, secret: 'AKIAS3CR3T40EXAMPLE0', shows: `denied for ${F} in eu-west-1` },
  { id: 'exc-github-token', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'git clone failed with ghp_S3CR3T41abcdefghijklmnopqrstuvwxyz12' }, secret: 'ghp_S3CR3T41abcdefghijklmnopqrstuvwxyz12', shows: `git clone failed with ${F}` },
  { id: 'exc-stripe-key', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'stripe rejected the key sk_live_S3CR3T42abcdefghijklmn' }, secret: 'sk_live_S3CR3T42abcdefghijklmn', shows: `stripe rejected the key ${F}` },
  { id: 'exc-pem-key', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: `cannot parse signing key -----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----` }, secret: PEM_BODY, shows: `-----BEGIN RSA PRIVATE KEY-----${F}-----END RSA PRIVATE KEY-----` },
  { id: 'exc-card-luhn', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'charge failed for card 4111 1111 1111 1111 (insufficient funds)' }, secret: '4111 1111 1111 1111', shows: `charge failed for card ${F} (insufficient funds)` },
  { id: 'exc-us-ssn', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'identity check failed for SSN 078-05-1120' }, secret: '078-05-1120', shows: `identity check failed for SSN ${F}` },
  { id: 'exc-slack-token', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'slack post failed with xoxb-S3CR3T46-123456789012-abcdefghij' }, secret: 'xoxb-S3CR3T46-123456789012-abcdefghij', shows: `slack post failed with ${F}` },
  { id: 'exc-cause', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'checkout failed', cause: 'gateway said: api_key=S3CR3T-45-cause' }, secret: 'S3CR3T-45-cause', shows: `gateway said: api_key=${F}` },

  // Message events: plain text, and a parameterized message whose parameter goes alone in logentry.params.
  { id: 'message-text', suite: 'light', place: 'message', plant: { via: 'message', message: 'scrub-corpus message: webhook signed with secret=S3CR3T-61-webhook-secret' }, secret: 'S3CR3T-61-webhook-secret', shows: `webhook signed with secret=${F}` },
  { id: 'message-parameter', suite: 'light', place: 'message', plant: { via: 'messageParameter', before: 'scrub-corpus message: login as ada with password=', parameter: 'S3CR3T-62-message-param' }, secret: 'S3CR3T-62-message-param', shows: `"params":["${F}"]` },

  // Logs (enableLogs): Nest log lines through SentryLogger, and Sentry.logger attributes.
  { id: 'log-nest-password', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'log', message: 'scrub-corpus log: user signed in, password=S3CR3T-47-log-password' }, secret: 'S3CR3T-47-log-password', shows: `user signed in, password=${F}` },
  { id: 'log-nest-basic', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'warn', message: `scrub-corpus log: webhook retry with Authorization: Basic ${WEBHOOK_BASIC}` }, secret: WEBHOOK_BASIC, shows: `webhook retry with Authorization: ${F}` },
  { id: 'log-attr-api-key', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLog', attribute: 'apiKey', value: 'S3CR3T-49-log-attr-api-key' }, secret: 'S3CR3T-49-log-attr-api-key', shows: `"apiKey":{"value":"${F}"` },
  { id: 'log-attr-pair', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLog', attribute: 'upstreamReply', value: 'retry with api_key=S3CR3T-50-log-attr-note' }, secret: 'S3CR3T-50-log-attr-note', shows: `retry with api_key=${F}` },
  { id: 'log-fmt-parameter', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLogParameter', before: 'scrub-corpus log: reset link sent, token=', parameter: 'S3CR3T-51-fmt-param' }, secret: 'S3CR3T-51-fmt-param', shows: `reset link sent, token=${F}` },

  // Metrics (on by default in SDK v10): attributes.
  { id: 'metric-attr-api-key', suite: 'light', place: 'metricAttribute', plant: { via: 'metricAttribute', key: 'api_key', value: 'S3CR3T-63-metric-api-key' }, secret: 'S3CR3T-63-metric-api-key', shows: `"api_key":{"value":"${F}"` },
  { id: 'metric-attr-card', suite: 'light', place: 'metricAttribute', plant: { via: 'metricAttribute', key: 'declined_note', value: 'card 6011 1111 1111 1117 declined' }, secret: '6011 1111 1111 1117', shows: `card ${F} declined` },

  // Spans (tracing): a span started in a handler, an outgoing HTTP call, the incoming request.
  { id: 'span-name-card', suite: 'tracing', place: 'spanName', plant: { via: 'spanName', name: 'charge card 4111 1111 1111 1111' }, secret: '4111 1111 1111 1111', shows: `charge card ${F}` },
  { id: 'span-attr-api-key', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'apiKey', value: 'S3CR3T-52-span-api-key' }, secret: 'S3CR3T-52-span-api-key', shows: `"apiKey":"${F}"` },
  { id: 'span-attr-sql', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'db.statement', value: "UPDATE users SET password = 'S3CR3T-53-sql-password' WHERE id = 7" }, secret: 'S3CR3T-53-sql-password', shows: `password = '${F}'` },
  { id: 'span-attr-bearer', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'upstream.auth_note', value: 'sent Bearer S3CR3T54spanBearerTokenValue' }, secret: 'S3CR3T54spanBearerTokenValue' },
  { id: 'root-span-name', suite: 'tracing', place: 'spanName', plant: { via: 'rootSpanName', name: 'nightly retry for card 5105 1051 0510 5100' }, secret: '5105 1051 0510 5100', shows: `nightly retry for card ${F}` },
  { id: 'outgoing-http-token', suite: 'tracing', place: 'outgoingHttp', plant: { via: 'outgoingHttp', client: 'http', query: 'token=S3CR3T-55-outgoing-token' }, secret: 'S3CR3T-55-outgoing-token' },
  { id: 'outgoing-fetch-api-key', suite: 'tracing', place: 'outgoingHttp', plant: { via: 'outgoingHttp', client: 'fetch', query: 'api_key=S3CR3T-56-fetch-key' }, secret: 'S3CR3T-56-fetch-key' },
  { id: 'incoming-query-token', suite: 'tracing', place: 'query', plant: { via: 'incomingQuery', name: 'access_token', value: 'S3CR3T-57-incoming-token' }, secret: 'S3CR3T-57-incoming-token', shows: `access_token=${F}` },

  // Issue 17, personal data (on by default): IP addresses, emails and phone numbers in any text, keys that name a person's data.
  { id: 'pd-header-forwarded', suite: 'light', place: 'header', plant: { via: 'header', name: 'forwarded', value: 'for=198.51.100.62;proto=https' }, secret: '198.51.100.62', shows: `"forwarded":"${F}"` },
  { id: 'pd-query-email', suite: 'light', place: 'query', plant: { via: 'query', name: 'invite', value: 'linus.t@kernel.example' }, secret: 'linus.t@kernel.example', shows: `invite=${F}` },
  { id: 'pd-query-phone', suite: 'light', place: 'query', plant: { via: 'query', name: 'callback', value: '+1 212 555 0187' }, secret: '212 555 0187', shows: `callback=${F}` },
  { id: 'pd-query-dob', suite: 'light', place: 'query', plant: { via: 'query', name: 'dob', value: '1984-07-09' }, secret: '1984-07-09', shows: `dob=${F}` },
  { id: 'pd-json-first-name', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['customer', 'first_name'], value: 'Hedwig' }, secret: 'Hedwig', shows: `"first_name":"${F}"` },
  { id: 'pd-json-last-name', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['customer', 'lastName'], value: 'Kiesler-Markey' }, secret: 'Kiesler-Markey', shows: `"lastName":"${F}"` },
  { id: 'pd-json-date-of-birth', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['customer', 'date_of_birth'], value: '1914-11-09' }, secret: '1914-11-09', shows: `"date_of_birth":"${F}"` },
  { id: 'pd-json-street', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['shipping', 'street'], value: 'Rue des Ecoles 47' }, secret: 'Rue des Ecoles 47', shows: `"street":"${F}"` },
  { id: 'pd-json-postcode', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['shipping', 'postcode'], value: 'SW1A 2AA' }, secret: 'SW1A 2AA', shows: `"postcode":"${F}"` },
  { id: 'pd-json-passport', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['kyc', 'passport_number'], value: 'X4839201C' }, secret: 'X4839201C', shows: `"passport_number":"${F}"` },
  { id: 'pd-json-national-id', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['kyc', 'national_id'], value: 'AB123456C' }, secret: 'AB123456C', shows: `"national_id":"${F}"` },
  { id: 'pd-json-email-in-text', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['comment'], value: 'contact me at marie.curie@radium.example' }, secret: 'marie.curie@radium.example', shows: `contact me at ${F}` },
  { id: 'pd-form-phone', suite: 'light', place: 'formBody', plant: { via: 'formBody', name: 'phone', value: '06 12 34 56 78' }, secret: '06 12 34 56 78', shows: `phone=${F}` },
  { id: 'pd-form-email', suite: 'light', place: 'formBody', plant: { via: 'formBody', name: 'reply_to', value: 'ada+orders@analytical.example' }, secret: 'ada+orders@analytical.example', shows: `reply_to=${F}` },
  { id: 'pd-crumb-message-ip', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'login from 203.0.113.145 accepted' }, secret: '203.0.113.145', shows: `login from ${F} accepted` },
  { id: 'pd-crumb-data-mobile', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'mobile', value: '+33 6 12 34 56 79' }, secret: '6 12 34 56 79', shows: `"mobile":"${F}"` },
  { id: 'pd-extra-billing-address', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['billing_address'], value: '221B Baker Street, London' }, secret: '221B Baker Street', shows: `"billing_address":"${F}"` },
  { id: 'pd-context-phone', suite: 'light', place: 'context', plant: { via: 'context', name: 'support', key: 'phone', value: '+1 415-555-0132' }, secret: '415-555-0132', shows: `"phone":"${F}"` },
  { id: 'pd-context-ipv6', suite: 'light', place: 'context', plant: { via: 'context', name: 'support', key: 'last_seen_from', value: 'seen from 2001:db8:85a3::8a2e:370:7334 yesterday' }, secret: '2001:db8:85a3::8a2e:370:7334', shows: `seen from ${F} yesterday` },
  { id: 'pd-tag-client-ip', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'client_ip', value: '192.0.2.44' }, secret: '192.0.2.44', shows: `"client_ip":"${F}"` },
  { id: 'pd-user-phone', suite: 'light', place: 'user', plant: { via: 'user', key: 'phone', value: '+49 30 1234 5678' }, secret: '30 1234 5678', shows: `"phone":"${F}"` },
  { id: 'pd-exc-ipv4', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'rate limit exceeded for 198.51.100.14 on /login' }, secret: '198.51.100.14', shows: `rate limit exceeded for ${F} on /login` },
  { id: 'pd-exc-email', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'duplicate key (email)=(grace.hopper@navy.example) violates unique constraint' }, secret: 'grace.hopper@navy.example', shows: `(email)=(${F})` },
  { id: 'pd-exc-phone', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'SMS to +44 20 7946 0321 failed' }, secret: '20 7946 0321', shows: `SMS to ${F} failed` },
  { id: 'pd-message-email', suite: 'light', place: 'message', plant: { via: 'message', message: 'scrub-corpus message: invoice mailed to alan.turing@bletchley.example' }, secret: 'alan.turing@bletchley.example', shows: `invoice mailed to ${F}` },
  { id: 'pd-log-nest-ip', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'warn', message: 'scrub-corpus log: admin login from 198.51.100.201' }, secret: '198.51.100.201', shows: `admin login from ${F}` },
  { id: 'pd-log-attr-birthdate', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLog', attribute: 'birthdate', value: '1990-02-28' }, secret: '1990-02-28', shows: `"birthdate":{"value":"${F}"` },
  { id: 'pd-metric-attr-postal-code', suite: 'light', place: 'metricAttribute', plant: { via: 'metricAttribute', key: 'postal_code', value: 'EC1A 1BB' }, secret: 'EC1A 1BB', shows: `"postal_code":{"value":"${F}"` },
  { id: 'pd-span-attr-email', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'customer.note', value: 'reach katherine.j@nasa.example' }, secret: 'katherine.j@nasa.example', shows: `reach ${F}` },
  { id: 'pd-span-name-ip', suite: 'tracing', place: 'spanName', plant: { via: 'spanName', name: 'geo lookup 203.0.113.201' }, secret: '203.0.113.201', shows: `geo lookup ${F}` },
  // The SDK's own server span attributes: client.address (from X-Forwarded-For) and the header itself.
  { id: 'pd-incoming-forwarded-for', suite: 'tracing', place: 'spanData', plant: { via: 'incomingHeader', name: 'x-forwarded-for', value: '198.51.100.88' }, secret: '198.51.100.88', shows: `"client.address":"${F}"` },

  // Issue 17, closing: a class in a place the rows above did not plant it (new values).
  { id: 'hdr-jwt-by-value', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-upstream-note', value: `retry with ${NOTE_JWT}` }, secret: NOTE_JWT, shows: `"x-upstream-note":"retry with ${F}"` },
  { id: 'pd-cookie-ip', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'last_ip', value: '198.51.100.231' }, secret: '198.51.100.231', shows: `"last_ip":"${F}"` },
  { id: 'form-vendor-key', suite: 'light', place: 'formBody', plant: { via: 'formBody', name: 'deploy_note', value: 'used glpat-S3CR3T151-Qw7Er4Ty1Ui8Op' }, secret: 'glpat-S3CR3T151-Qw7Er4Ty1Ui8Op', shows: 'deploy_note=used+%5BFiltered%5D' },
  { id: 'pd-truncated-email', suite: 'light', place: 'truncatedBody', plant: { via: 'truncatedBody', name: 'contact', value: 'reach me: ingrid.b@fjord.example' }, secret: 'ingrid.b@fjord.example', shows: `"contact":"reach me: ${F}"` },
  { id: 'pd-crumb-message-phone', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'callback requested at (646) 555-0178 by the customer' }, secret: '(646) 555-0178', shows: `requested at ${F} by the customer` },
  { id: 'tag-card', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'last_card', value: '3768 291034 55711' }, secret: '3768 291034 55711', shows: `"last_card":"${F}"` },
  { id: 'log-nest-ssn', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'warn', message: 'scrub-corpus log: W-2 upload for SSN 212-67-4415 failed' }, secret: '212-67-4415', shows: `W-2 upload for SSN ${F} failed` },
  { id: 'pd-user-last-login-ip', suite: 'light', place: 'user', plant: { via: 'user', key: 'last_login_ip', value: '2001:db8:4d2::17' }, secret: '2001:db8:4d2::17', shows: `"last_login_ip":"${F}"` },
  { id: 'pd-metric-attr-email', suite: 'light', place: 'metricAttribute', plant: { via: 'metricAttribute', key: 'recipient', value: 'olga.t@tundra.example' }, secret: 'olga.t@tundra.example', shows: `"recipient":{"value":"${F}"` },
  { id: 'span-attr-npm-token', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'ci.note', value: 'published with npm_S3CR3T152aB2cD3eF4gH5iJ6kL7mN8oP9qRs' }, secret: 'npm_S3CR3T152aB2cD3eF4gH5iJ6kL7mN8oP9qRs', shows: `published with ${F}` },

  // Stack frames (frames suite): local variables and source context lines.
  { id: 'frame-var-passphrase', suite: 'frames', place: 'frameVariable', plant: { via: 'frameVariable', name: 'passphrase' }, secret: 'S3CR3T-58-frame-passphrase', shows: `"passphrase":"${F}"` },
  { id: 'frame-var-card-note', suite: 'frames', place: 'frameVariable', plant: { via: 'frameVariable', name: 'cardNote' }, secret: '3782 822463 10005', shows: `"cardNote":"card on file ${F}"` },
  { id: 'source-line-password', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: "const password = 'corpus-secret-in-source-S3CR3T-59';" }, secret: 'corpus-secret-in-source-S3CR3T-59', shows: `const password = '${F}';` },
  { id: 'source-line-dsn', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: "const fallbackDsn = 'https://svc:S3CR3T-60-source-dsn@ingest.example.test/1';" }, secret: 'S3CR3T-60-source-dsn', shows: `https://svc:${F}@ingest.example.test/1` },

  // Issue 17, classes 4 and 5: URL paths and source context (their own file).
  ...URL_PATH_SENSITIVE,
];

export const BENIGN: readonly BenignInput[] = [
  // Keys that only look sensitive.
  { id: 'key-author', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['author'], value: 'Octavia E. Butler' }, survives: '"author":"Octavia E. Butler"' },
  { id: 'key-authority', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'authority', value: 'login.idp.example.test' }, survives: '"authority":"login.idp.example.test"' },
  { id: 'key-tokenizer', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['tokenizer'], value: 'cl100k_base' }, survives: '"tokenizer":"cl100k_base"' },
  { id: 'key-token-count', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'token_count', value: 48213 }, survives: '"token_count":48213' },
  { id: 'key-max-tokens', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['max_tokens'], value: 3071 }, survives: '"max_tokens":3071' },
  { id: 'key-keyboard-layout', suite: 'light', place: 'formBody', plant: { via: 'formBody', name: 'keyboard_layout', value: 'dvorak-programmer' }, survives: 'keyboard_layout=dvorak-programmer' },
  { id: 'key-passage', suite: 'light', place: 'context', plant: { via: 'context', name: 'reading', key: 'passage', value: 'It was a bright cold day in April' }, survives: '"passage":"It was a bright cold day in April"' },
  { id: 'key-page', suite: 'light', place: 'query', plant: { via: 'query', name: 'page', value: '117' }, survives: 'page=117' },
  { id: 'key-pinned', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'pinned', value: 'pinned-by-moderator' }, survives: '"pinned":"pinned-by-moderator"' },
  { id: 'key-session-count', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['session_count'], value: 12 }, survives: '"session_count":12' },
  { id: 'key-password-length', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLog', attribute: 'password_length', value: 'at least 16 characters' }, survives: 'at least 16 characters' },
  { id: 'cookie-theme', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'theme', value: 'solarized-dark' }, survives: '"theme":"solarized-dark"' },
  // Values that only look sensitive.
  { id: 'value-uuid', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-request-id', value: '3f2b8c1e-9a4d-4e7b-b1c2-5d6e7f8a9b0c' }, survives: '"x-request-id":"3f2b8c1e-9a4d-4e7b-b1c2-5d6e7f8a9b0c"' },
  { id: 'value-iso-timestamp', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['shipped_at'], value: '2024-03-15T09:26:53.123Z' }, survives: '"shipped_at":"2024-03-15T09:26:53.123Z"' },
  { id: 'value-order-id', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'order ORD-2024-000123 could not be shipped' }, survives: 'order ORD-2024-000123 could not be shipped' },
  { id: 'value-16-digits-no-luhn', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'invoice reference 4111 1111 1111 1112 reconciled' }, survives: 'invoice reference 4111 1111 1111 1112 reconciled' },
  { id: 'value-commit-sha', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'commit', value: '9fceb02' }, survives: '"commit":"9fceb02"' },
  { id: 'value-email-set-by-app', suite: 'light', place: 'user', plant: { via: 'user', key: 'email', value: 'ada.lovelace@example.com' }, survives: '"email":"ada.lovelace@example.com"' },
  { id: 'value-sku-like-ssn', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'log', message: 'scrub-corpus log: restocked SKU AB-123-45-6789-Z' }, survives: 'restocked SKU AB-123-45-6789-Z' },
  { id: 'value-bearer-prose', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'the bearer of bad news shared basic information' }, survives: 'the bearer of bad news shared basic information' },
  { id: 'value-url-user-no-password', suite: 'light', place: 'url', plant: { via: 'breadcrumbMessage', message: 'pulled https://deploy@git.example.test/org/repo.git' }, survives: 'pulled https://deploy@git.example.test/org/repo.git' },
  { id: 'value-version', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'sdk_line', value: 'v10.75.3' }, survives: '"sdk_line":"v10.75.3"' },
  { id: 'truncated-key-author', suite: 'light', place: 'truncatedBody', plant: { via: 'truncatedBody', name: 'author', value: 'N. K. Jemisin' }, survives: '"author":"N. K. Jemisin"' },
  { id: 'message-order-and-date', suite: 'light', place: 'message', plant: { via: 'message', message: 'scrub-corpus message: order ORD-2024-000124 shipped on 2024-03-16' }, survives: 'order ORD-2024-000124 shipped on 2024-03-16' },
  { id: 'metric-key-tokenizer', suite: 'light', place: 'metricAttribute', plant: { via: 'metricAttribute', key: 'tokenizer', value: 'o200k_base' }, survives: '"tokenizer":{"value":"o200k_base"' },
  // Issue 17: metadata words, error codes and shapes that only look like the new classes.
  { id: 'key-auth-method', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['auth_method'], value: 'webauthn' }, survives: '"auth_method":"webauthn"' },
  { id: 'key-signature-algorithm', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['signature_algorithm'], value: 'ES256' }, survives: '"signature_algorithm":"ES256"' },
  { id: 'key-password-policy-version', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['password_policy_version'], value: 'pp-2025-07' }, survives: '"password_policy_version":"pp-2025-07"' },
  { id: 'value-token-type-bearer', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['token_type'], value: 'Bearer' }, survives: '"token_type":"Bearer"' },
  { id: 'value-error-code', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['upstream_error', 'code'], value: 'ECONNREFUSED' }, survives: '"code":"ECONNREFUSED"' },
  { id: 'value-full-git-sha', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'release_sha', value: '4b825dc642cb6eb9a060e54bf8d69288fbee4904' }, survives: '"release_sha":"4b825dc642cb6eb9a060e54bf8d69288fbee4904"' },
  { id: 'value-task-words', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'desk-booking task-runner-nightly finished' }, survives: 'desk-booking task-runner-nightly finished' },
  // Issue 17: look-alikes of personal data that must stay readable (README, "Personal data").
  { id: 'pd-benign-loopback', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'health probe from 127.0.0.1 and [::1] ok' }, survives: 'health probe from 127.0.0.1 and [::1] ok' },
  { id: 'pd-benign-versions', suite: 'light', place: 'tag', plant: { via: 'tag', key: 'agent', value: 'agent v4.2.19.7 on Chrome/126.0.0.0' }, survives: '"agent":"agent v4.2.19.7 on Chrome/126.0.0.0"' },
  { id: 'pd-benign-uuid', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'order 7c9e6679-7425-40de-944b-e07fc1f90ae7 not found' }, survives: 'order 7c9e6679-7425-40de-944b-e07fc1f90ae7 not found' },
  { id: 'pd-benign-iso-timestamp', suite: 'light', place: 'extra', plant: { via: 'extra', path: ['paid_at'], value: '2025-11-30T23:59:59.999Z' }, survives: '"paid_at":"2025-11-30T23:59:59.999Z"' },
  { id: 'pd-benign-status-duration', suite: 'light', place: 'breadcrumbMessage', plant: { via: 'breadcrumbMessage', message: 'upstream replied 503 after 1532 ms (attempt 2 of 3)' }, survives: 'upstream replied 503 after 1532 ms (attempt 2 of 3)' },
  { id: 'pd-benign-non-luhn', suite: 'light', place: 'context', plant: { via: 'context', name: 'billing', key: 'reference', value: 'ref 5500 0000 0000 0005' }, survives: '"reference":"ref 5500 0000 0000 0005"' },
  { id: 'pd-benign-numeric-ids', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['order_ref'], value: 'ORD-2025-004417 for user 90210338' }, survives: '"order_ref":"ORD-2025-004417 for user 90210338"' },
  { id: 'pd-benign-server-address', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'server.address', value: 'db.internal' }, survives: '"server.address":"db.internal"' },
  { id: 'pd-benign-address-type', suite: 'light', place: 'jsonBody', plant: { via: 'jsonBody', path: ['address_type'], value: 'billing' }, survives: '"address_type":"billing"' },
  { id: 'pd-benign-packages', suite: 'light', place: 'logMessage', plant: { via: 'nestLog', level: 'log', message: 'scrub-corpus log: upgraded @nestjs/core@12.6.3 and lodash@4.17.21 at 10:30:45' }, survives: 'upgraded @nestjs/core@12.6.3 and lodash@4.17.21 at 10:30:45' },
  { id: 'pd-benign-sha-date', suite: 'light', place: 'message', plant: { via: 'message', message: 'scrub-corpus message: deployed 4b825dc642cb6eb9a060e54bf8d69288fbee4904 on 2025-03-16 10:00' }, survives: 'deployed 4b825dc642cb6eb9a060e54bf8d69288fbee4904 on 2025-03-16 10:00' },
  { id: 'pd-benign-span-ua-version', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'client.user_agent', value: 'Mozilla/5.0 Chrome/126.0.0.0 Safari/537.36' }, survives: 'Mozilla/5.0 Chrome/126.0.0.0 Safari/537.36' },
  // Issue 17, closing: the listed look-alikes again, in places that had none (new values).
  { id: 'query-numeric-id', suite: 'light', place: 'query', plant: { via: 'query', name: 'customer_id', value: '5520174' }, survives: 'customer_id=5520174' },
  { id: 'cookie-cart-uuid', suite: 'light', place: 'cookie', plant: { via: 'cookie', name: 'cart_id', value: 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }, survives: '"cart_id":"c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f"' },
  { id: 'hdr-build-sha', suite: 'light', place: 'header', plant: { via: 'header', name: 'x-build-sha', value: '5d41402abc4b2a76b9719d911017c592ae6e1f3b' }, survives: '"x-build-sha":"5d41402abc4b2a76b9719d911017c592ae6e1f3b"' },
  { id: 'form-non-luhn-16', suite: 'light', place: 'formBody', plant: { via: 'formBody', name: 'tracking', value: '7311 2288 4406 5519' }, survives: 'tracking=7311+2288+4406+5519' },
  { id: 'user-auth-method', suite: 'light', place: 'user', plant: { via: 'user', key: 'signup_auth_method', value: 'passkey' }, survives: '"signup_auth_method":"passkey"' },
  { id: 'log-attr-iso-offset', suite: 'light', place: 'logAttribute', plant: { via: 'sentryLog', attribute: 'expires_at', value: '2026-01-31T08:15:00+00:00' }, survives: '"expires_at":{"value":"2026-01-31T08:15:00+00:00"' },
  { id: 'metric-token-type', suite: 'light', place: 'metricAttribute', plant: { via: 'metricAttribute', key: 'token_type', value: 'Bearer' }, survives: '"token_type":{"value":"Bearer"' },
  { id: 'truncated-policy-version', suite: 'light', place: 'truncatedBody', plant: { via: 'truncatedBody', name: 'password_policy_version', value: '2026.1' }, survives: '"password_policy_version":"2026.1"' },
  { id: 'crumb-data-non-luhn', suite: 'light', place: 'breadcrumbData', plant: { via: 'breadcrumbData', key: 'payment_ref', value: '4000 0012 3456 7891' }, survives: '"payment_ref":"4000 0012 3456 7891"' },
  { id: 'exc-uuid-iso', suite: 'light', place: 'exceptionMessage', plant: { via: 'throw', message: 'webhook 9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d replayed at 2026-05-04T12:00:00.000Z (attempt 7 of 8)' }, survives: 'webhook 9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d replayed at 2026-05-04T12:00:00.000Z (attempt 7 of 8)' },
  { id: 'span-attr-signature-algorithm', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'auth.signature_algorithm', value: 'PS256' }, survives: '"auth.signature_algorithm":"PS256"' },
  { id: 'span-name-numeric-id', suite: 'tracing', place: 'spanName', plant: { via: 'spanName', name: 'GET /v2/orders/418877/items' }, survives: 'GET /v2/orders/418877/items' },
  // Tracing.
  { id: 'span-key-author', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'author', value: 'Ursula K. Le Guin' }, survives: '"author":"Ursula K. Le Guin"' },
  { id: 'span-key-max-tokens', suite: 'tracing', place: 'spanData', plant: { via: 'spanAttribute', key: 'llm.max_tokens', value: 2047 }, survives: '"llm.max_tokens":2047' },
  { id: 'span-name-order', suite: 'tracing', place: 'spanName', plant: { via: 'spanName', name: 'ship order ORD-2024-000123' }, survives: 'ship order ORD-2024-000123' },
  { id: 'outgoing-page', suite: 'tracing', place: 'outgoingHttp', plant: { via: 'outgoingHttp', client: 'http', query: 'page=3' }, survives: 'page=3' },
  // Frames.
  // `passage`, not `author` or `keyboardLayout`: the SDK masks frame variables named like `auth` or `key` itself.
  { id: 'frame-var-passage', suite: 'frames', place: 'frameVariable', plant: { via: 'frameVariable', name: 'passage' }, survives: '"passage":"It was a bright cold day in April"' },
  { id: 'source-line-session', suite: 'frames', place: 'sourceContext', plant: { via: 'sourceLine', line: 'const session = openVault(passage);' }, survives: 'const session = openVault(passage);' },
  ...URL_PATH_BENIGN,
];

export const sensitiveOf = (suite: Suite): SensitiveInput[] => SENSITIVE.filter((input) => input.suite === suite);
export const benignOf = (suite: Suite): BenignInput[] => BENIGN.filter((input) => input.suite === suite);

/** Inputs of a suite planted by a given means. */
export function plantsOf<V extends Plant['via']>(
  suite: Suite,
  via: V,
): Array<(SensitiveInput | BenignInput) & { plant: Extract<Plant, { via: V }> }> {
  return [...SENSITIVE, ...BENIGN].filter(
    (input): input is (SensitiveInput | BenignInput) & { plant: Extract<Plant, { via: V }> } =>
      input.suite === suite && input.plant.via === via,
  );
}

/** Plants `value` at `path` in a JSON-like object (JSON bodies, extra). */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

/** Counts per place, for the report and the coverage assertion. */
export function countByPlace(inputs: ReadonlyArray<{ place: Place }>): Partial<Record<Place, number>> {
  const counts: Partial<Record<Place, number>> = {};
  for (const { place } of inputs) counts[place] = (counts[place] ?? 0) + 1;
  return counts;
}
