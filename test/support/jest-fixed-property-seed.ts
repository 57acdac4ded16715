/**
 * Property tests (fast-check) draw from one fixed seed, so CI runs the same cases every time:
 * a failure is reproducible and never a roll of the dice. Explore other cases locally with
 * `FC_SEED=<number> npm test -- libs/sentry/src/scrubbing` (a failure prints its seed).
 */
import * as fc from 'fast-check';

const DEFAULT_SEED = 20261207;
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? DEFAULT_SEED) });
