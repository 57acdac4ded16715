import { demoKeyFor } from './auth/demo-credentials';

export interface CheatSheetInput {
  /** e.g. http://localhost:3000 */
  url: string;
  /** Oldest order id of each tenant. */
  orderIds: ReadonlyMap<string, number>;
  env: NodeJS.ProcessEnv;
}

/** Where this process sends its events, in words, from the same variables the SDK reads. */
export function eventsDestination(env: NodeJS.ProcessEnv): string {
  const spotlight = env.SENTRY_SPOTLIGHT?.trim();
  const toSpotlight = spotlight && spotlight !== 'false' ? `Spotlight ${spotlightUiUrl(spotlight)}` : undefined;
  const dsn = env.SENTRY_DSN?.trim();
  const toSentry = dsn ? `Sentry at ${safeHost(dsn)}` : undefined;
  const targets = [toSentry, toSpotlight].filter(Boolean);
  return targets.length > 0 ? targets.join(' and ') : 'nowhere (set SENTRY_DSN, or use `npm start` for Spotlight)';
}

/** The curl lines that trigger each kind of failure, with working keys and order ids. */
export function cheatSheet({ url, orderIds, env }: CheatSheetInput): string {
  const acme = { key: demoKeyFor('acme'), order: orderIds.get('acme') ?? 1 };
  const globex = demoKeyFor('globex');
  const initech = demoKeyFor('initech');
  const json = `-H 'content-type: application/json'`;
  return [
    '',
    `Events go to: ${eventsDestination(env)}`,
    'Try these (the key decides the user and tenant):',
    '',
    '  # 1. Unhandled error (TypeError) -> reported, tenant acme',
    `  curl -s ${url}/orders/${acme.order}/recalculate -H 'x-api-key: ${acme.key}'`,
    '  # 2. 5xx HttpException (503, payment provider down), card data in the body -> reported, card data scrubbed',
    `  curl -s -X POST ${url}/orders/${acme.order}/pay -H 'Authorization: Bearer ${acme.key}' ${json} -d '{"cardNumber":"4242 4242 4242 4242","cvc":"123","cardholder":"Alice Example"}'`,
    '  # 3. Database error (relation "order_stats" does not exist) -> reported, tenant globex',
    `  curl -s ${url}/orders/stats -H 'x-api-key: ${globex}'`,
    '  # 4. Validation error (400) -> NOT reported',
    `  curl -s -X POST ${url}/orders -H 'x-api-key: ${acme.key}' ${json} -d '{"item":"","quantity":0}'`,
    '  # 5. Captured message (warning) -> reported; then the background fraud review fails -> reported as "event order.flagged", tenant acme',
    `  curl -s -X POST ${url}/orders/${acme.order}/flag -H 'x-api-key: ${acme.key}' ${json} -d '{"reason":"shipping address looks fake"}'`,
    '  # 6. Slow request (1.5 s in PostgreSQL) -> a slow trace with its DB span',
    `  curl -s '${url}/orders/slow?ms=1500' -H 'x-api-key: ${initech}'`,
    '  # Fine: list orders (200); no key (401, NOT reported)',
    `  curl -s ${url}/orders -H 'x-api-key: ${initech}'`,
    `  curl -s ${url}/orders`,
    '',
  ].join('\n');
}

function spotlightUiUrl(setting: string): string {
  if (setting === 'true' || setting === '1') return 'http://localhost:8969';
  try {
    return new URL(setting).origin;
  } catch {
    return setting;
  }
}

/** Never print a DSN's key. */
function safeHost(dsn: string): string {
  try {
    return new URL(dsn).host;
  } catch {
    return 'the configured DSN';
  }
}
