import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  APP_VERSION_VARIABLE,
  SENTRY_CONFIG_RULES,
  SENTRY_DEFAULTS,
  SENTRY_ENV_VARIABLES,
  SentryConfigSchema,
  type SentryConfigKey,
} from '../sentry.config';
import { SENTRY_MESSAGES } from '../sentry.messages';
import type { SentryModuleOptions } from '../sentry.options';
import { findAppPackageVersion } from './release.util';

/** Marks options read from the environment, so messages name the variable rather than the option. */
export const FROM_ENVIRONMENT = Symbol('sentry.fromEnvironment');

export type EnvReader = (name: string) => unknown;

/** Options whose defaults have been applied. */
export type ResolvedSentryOptions = SentryModuleOptions &
  Required<Pick<SentryModuleOptions, keyof typeof SENTRY_DEFAULTS>>;

export interface SentryConfigResolution {
  options: ResolvedSentryOptions;
  /** One readable line per bad value, naming the variable, the value and what is done instead. */
  problems: string[];
}

/** Reads the `SENTRY_*` variables (raw, not yet validated) into an options object. */
export function readSentryEnvironment(get: EnvReader): SentryModuleOptions {
  const raw: Record<string, unknown> = { [FROM_ENVIRONMENT]: get };
  for (const [key, variable] of Object.entries(SENTRY_ENV_VARIABLES)) {
    const value = get(variable);
    if (value !== undefined && value !== null) raw[key] = value;
  }
  return raw as SentryModuleOptions;
}

/**
 * Validates and completes options. A bad value never stops the boot: it is
 * named in `problems` and replaced by its default (a bad DSN disables tracking).
 */
export function resolveSentryConfig(input: SentryModuleOptions, fallbackEnv: EnvReader): SentryConfigResolution {
  const fromEnv = (input as Record<symbol, EnvReader | undefined>)[FROM_ENVIRONMENT];
  const env = fromEnv ?? fallbackEnv;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(SENTRY_ENV_VARIABLES) as SentryConfigKey[]) {
    if (input[key] !== undefined && input[key] !== null) picked[key] = input[key];
  }
  const checked = plainToInstance(SentryConfigSchema, picked) as Record<string, unknown>;
  const problems: string[] = [];
  // Rejected keys are dropped from the raw input too: a key without a default (serverName,
  // release, offlineDir) would otherwise keep its bad value through the `...input` below.
  const rest: Record<string | symbol, unknown> = { ...input };
  for (const error of validateSync(checked)) {
    const key = error.property as SentryConfigKey;
    const label = fromEnv ? SENTRY_ENV_VARIABLES[key] : `SentryModule option ${key}`;
    problems.push(SENTRY_MESSAGES.invalidValue(label, picked[key], SENTRY_CONFIG_RULES[key], fallbackFor(key, env)));
    delete checked[key];
    delete rest[key];
  }
  const options = {
    ...rest,
    ...SENTRY_DEFAULTS,
    ...definedOnly(checked),
  } as ResolvedSentryOptions;
  options.release ??= releaseFallback(env);
  // One switch for the scrubber: the code's `scrubbing.personalData`, else SENTRY_SCRUB_PERSONAL_DATA.
  options.scrubbing = { ...options.scrubbing, personalData: options.scrubbing?.personalData ?? options.scrubPersonalData };
  if (typeof options.dsn === 'string') options.dsn = options.dsn.trim();
  return { options, problems };
}

function releaseFallback(env: EnvReader): string | undefined {
  const appVersion = env(APP_VERSION_VARIABLE);
  if (typeof appVersion === 'string' && appVersion.trim() !== '') return appVersion.trim();
  return findAppPackageVersion();
}

function fallbackFor(key: SentryConfigKey, env: EnvReader): string {
  if (key === 'dsn') return 'error tracking disabled';
  if (key === 'release') return `using ${JSON.stringify(releaseFallback(env) ?? 'no release')} instead`;
  if (key === 'serverName') return 'using the host name instead';
  if (key === 'offlineDir') return 'offline queue off';
  return `using ${JSON.stringify(SENTRY_DEFAULTS[key as keyof typeof SENTRY_DEFAULTS])} instead`;
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
