import { demoKeyFor } from '../../apps/demo/src/auth/demo-credentials';

/** The demo's keys, one per tenant: every value here must never reach Sentry. */
export const DEMO_KEYS = {
  acme: demoKeyFor('acme'),
  globex: demoKeyFor('globex'),
  initech: demoKeyFor('initech'),
} as const;

/** Card data the tests send; the scrubber must keep it out of every envelope. */
export const TEST_CARD = { cardNumber: '4242 4242 4242 4242', cvc: '987', cardholder: 'Alice Example' } as const;
