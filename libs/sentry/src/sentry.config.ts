import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsPositive, IsString, Matches, Max, Min } from 'class-validator';
import { IsSentryDsn } from './config/is-sentry-dsn.validator';
import { IsSpotlightSetting } from './config/is-spotlight-setting.validator';
import { toBoolean, toNumber } from './config/coerce.util';

/**
 * The `SENTRY_*` environment variables, keyed by the option each one fills.
 * One table serves `forRootAsync()`, the `instrument` preload and the docs.
 * @publicApi
 */
export const SENTRY_ENV_VARIABLES = {
  dsn: 'SENTRY_DSN',
  environment: 'SENTRY_ENVIRONMENT',
  release: 'SENTRY_RELEASE',
  tracesSampleRate: 'SENTRY_TRACES_SAMPLE_RATE',
  profilesSampleRate: 'SENTRY_PROFILES_SAMPLE_RATE',
  sampleRate: 'SENTRY_SAMPLE_RATE',
  debug: 'SENTRY_DEBUG',
  enabled: 'SENTRY_ENABLED',
  serverName: 'SENTRY_SERVER_NAME',
  maxBreadcrumbs: 'SENTRY_MAX_BREADCRUMBS',
  spotlight: 'SENTRY_SPOTLIGHT',
  enableLogs: 'SENTRY_ENABLE_LOGS',
  shutdownTimeoutMs: 'SENTRY_SHUTDOWN_TIMEOUT_MS',
  strict: 'SENTRY_STRICT',
  offlineDir: 'SENTRY_OFFLINE_DIR',
  offlineMaxEvents: 'SENTRY_OFFLINE_MAX_EVENTS',
  offlineMaxAgeHours: 'SENTRY_OFFLINE_MAX_AGE_HOURS',
  offlineMaxMegabytes: 'SENTRY_OFFLINE_MAX_MB',
  errorStormLimit: 'SENTRY_ERROR_STORM_LIMIT',
  errorStormWindowSeconds: 'SENTRY_ERROR_STORM_WINDOW_SECONDS',
  scrubPersonalData: 'SENTRY_SCRUB_PERSONAL_DATA',
} as const;

export type SentryConfigKey = keyof typeof SENTRY_ENV_VARIABLES;

/** Read for the release when `SENTRY_RELEASE` is unset. */
export const APP_VERSION_VARIABLE = 'APP_VERSION';

/** Defaults, in one place (the release default is computed: see release.util.ts). */
export const SENTRY_DEFAULTS = {
  dsn: '',
  environment: 'development',
  tracesSampleRate: 0.1,
  profilesSampleRate: 0.1,
  sampleRate: 1,
  debug: false,
  enabled: true,
  maxBreadcrumbs: 100,
  spotlight: false,
  enableLogs: false,
  shutdownTimeoutMs: 2000,
  strict: false,
  offlineMaxEvents: 1000,
  offlineMaxAgeHours: 24,
  offlineMaxMegabytes: 50,
  errorStormLimit: 10,
  errorStormWindowSeconds: 60,
  scrubPersonalData: true,
} as const;

/** What each key must look like, said in the log line when it does not. */
export const SENTRY_CONFIG_RULES: Record<SentryConfigKey, string> = {
  dsn: 'a Sentry DSN like https://<key>@<host>/<projectId>',
  environment: 'a non-blank string',
  release: 'a non-blank string',
  tracesSampleRate: 'a number from 0 to 1',
  profilesSampleRate: 'a number from 0 to 1',
  sampleRate: 'a number from 0 to 1',
  debug: 'true or false',
  enabled: 'true or false',
  serverName: 'a non-blank string',
  maxBreadcrumbs: 'a whole number from 0 to 100',
  spotlight: 'true, false or a URL',
  enableLogs: 'true or false',
  shutdownTimeoutMs: 'a whole number of milliseconds from 0 to 60000',
  strict: 'true or false',
  offlineDir: 'a directory path (empty for off)',
  offlineMaxEvents: 'a whole number from 1 to 100000',
  offlineMaxAgeHours: 'a number of hours above 0, up to 720',
  offlineMaxMegabytes: 'a number of megabytes above 0, up to 10240',
  errorStormLimit: 'a whole number from 0 (guard off) to 100000',
  errorStormWindowSeconds: 'a whole number of seconds from 1 to 86400',
  scrubPersonalData: 'true or false',
};

/** Blank ('' or only whitespace) is as good as unset for a name, and would be sent as is. */
const NOT_BLANK = /\S/;
/** Empty is "off" for a path (as in .env.example); only whitespace is a mistake. */
const EMPTY_OR_NOT_BLANK = /^$|\S/;

/** The schema both env values (strings, coerced first) and `forRoot` options are checked against. */
export class SentryConfigSchema {
  @IsOptional() @IsString() @IsSentryDsn() dsn?: string;
  @IsOptional() @IsString() @Matches(NOT_BLANK) environment?: string;
  @IsOptional() @IsString() @Matches(NOT_BLANK) release?: string;
  @IsOptional() @Transform(toNumber) @IsNumber() @Min(0) @Max(1) tracesSampleRate?: number;
  @IsOptional() @Transform(toNumber) @IsNumber() @Min(0) @Max(1) profilesSampleRate?: number;
  @IsOptional() @Transform(toNumber) @IsNumber() @Min(0) @Max(1) sampleRate?: number;
  @IsOptional() @Transform(toBoolean) @IsBoolean() debug?: boolean;
  @IsOptional() @Transform(toBoolean) @IsBoolean() enabled?: boolean;
  @IsOptional() @IsString() @Matches(NOT_BLANK) serverName?: string;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(0) @Max(100) maxBreadcrumbs?: number;
  @IsOptional() @Transform(toBoolean) @IsSpotlightSetting() spotlight?: boolean | string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() enableLogs?: boolean;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(0) @Max(60_000) shutdownTimeoutMs?: number;
  @IsOptional() @Transform(toBoolean) @IsBoolean() strict?: boolean;
  @IsOptional() @IsString() @Matches(EMPTY_OR_NOT_BLANK) offlineDir?: string;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(100_000) offlineMaxEvents?: number;
  @IsOptional() @Transform(toNumber) @IsNumber() @IsPositive() @Max(720) offlineMaxAgeHours?: number;
  @IsOptional() @Transform(toNumber) @IsNumber() @IsPositive() @Max(10_240) offlineMaxMegabytes?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(0) @Max(100_000) errorStormLimit?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(86_400) errorStormWindowSeconds?: number;
  @IsOptional() @Transform(toBoolean) @IsBoolean() scrubPersonalData?: boolean;
}
